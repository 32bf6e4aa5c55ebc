import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { listPublicWaitingAreas } from '@/lib/alerts/list-public-waiting-areas'
import { getMapConfig } from '@/lib/reports/report-form-setup'
import { NearestWaitingAreas } from '@/components/alerts/nearest-waiting-areas'
import { ReportMap } from '@/components/reports/report-map'
import { ButtonLink } from '@/components/ui/button-link'
import { PageTitle } from '@/components/ui/page-title'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('waitingAreasPage')
  return { title: t('title'), description: t('metaDescription') }
}

/**
 * Every area di attesa of the plan, whether or not an alert is in force: people look for
 * "where do I go" before and during an emergency, often with no network, so this page sits in
 * the offline section (/allerte) and the service worker saves it at install and on each alert.
 */
export default async function WaitingAreasPage() {
  await connection()
  const [areas, t, near, alerts] = await Promise.all([
    listPublicWaitingAreas(),
    getTranslations('waitingAreasPage'),
    getTranslations('nearestAreas'),
    getTranslations('alerts'),
  ])
  const { tileUrl, attribution } = getMapConfig()
  const center = areas.length
    ? { lat: areas.reduce((s, a) => s + a.latitude, 0) / areas.length, lon: areas.reduce((s, a) => s + a.longitude, 0) / areas.length }
    : null
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <p className="mb-6 rounded-md border-2 border-danger p-3 text-lg font-semibold">{t('emergency')}</p>
      {areas.length === 0 ? (
        <p className="mb-6 text-lg">{t('none')}</p>
      ) : (
        <>
          {tileUrl && center ? (
            <div className="mb-6">
              <ReportMap
                center={center}
                zoom={14}
                tileUrl={tileUrl}
                attribution={attribution}
                markers={areas.map((a) => ({ lat: a.latitude, lon: a.longitude, label: a.name }))}
                labels={{ region: t('mapRegion'), tilesUnavailable: t('tilesUnavailable') }}
              />
            </div>
          ) : null}
          <section aria-labelledby="areas-list" className="mb-6">
            <h2 id="areas-list" className="mb-2 text-2xl font-bold">
              {t('listTitle')}
            </h2>
            <NearestWaitingAreas
              areas={areas}
              texts={{
                button: near('button'),
                locating: near('locating'),
                denied: near('denied'),
                sorted: near('sorted'),
                away: near.raw('away') as string,
                directions: near('directions'),
                zone: t.raw('zone') as string,
              }}
            />
          </section>
        </>
      )}
      <p className="mb-6 text-muted">{t('offline')}</p>
      <ButtonLink href="/allerte">{alerts('all')}</ButtonLink>
    </>
  )
}
