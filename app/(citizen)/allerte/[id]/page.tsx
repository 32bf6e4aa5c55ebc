import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { getPublicAlert } from '@/lib/alerts/public-alerts'
import { LevelBadge, levelBorder } from '@/components/alerts/level-badge'
import { ButtonLink } from '@/components/ui/button-link'
import { NearestWaitingAreas } from '@/components/alerts/nearest-waiting-areas'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const alert = await getPublicAlert((await params).id)
  if (!alert) return {}
  const t = await getTranslations('alerts')
  const title = `${t(`levels.${alert.level}`)}: ${alert.headline}`
  return { title, description: alert.description.slice(0, 200), openGraph: { title, description: alert.description.slice(0, 200) } }
}

export default async function AlertPage({ params }: Props) {
  await connection()
  const [alert, t, near, areasPage, format] = await Promise.all([
    getPublicAlert((await params).id),
    getTranslations('alerts'),
    getTranslations('nearestAreas'),
    getTranslations('waitingAreasPage'),
    getFormatter(),
  ])
  if (!alert) notFound()
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' })
  const ended = alert.state === 'ended'
  const expired = !ended && alert.validUntil <= new Date()
  return (
    <article className={`border-l-8 pl-4 ${levelBorder(alert.level)}`}>
      <p className="mb-3">
        <LevelBadge level={alert.level} label={t(`levels.${alert.level}`)} large />
      </p>
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl" lang="it">
        {alert.headline}
      </h1>
      {ended || expired ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-success bg-success-light p-3 text-lg font-semibold text-success">
          {ended ? t('ended', { date: when(alert.endedAt ?? alert.validUntil) }) : t('expired', { date: when(alert.validUntil) })}
        </p>
      ) : null}
      <p className="mb-1 text-lg font-semibold">{t('validity', { from: when(alert.validFrom), until: when(alert.validUntil) })}</p>
      {alert.phase ? <p className="mb-1 text-lg">{t('phase', { phase: t(`phases.${alert.phase}`) })}</p> : null}
      <p className="mb-6 text-muted">{t('updated', { date: when(alert.updatedAt) })}</p>

      {alert.instructions ? (
        <section aria-labelledby="what-to-do" className="mb-6 rounded-md bg-surface p-4">
          <h2 id="what-to-do" className="mb-2 text-2xl font-bold">{t('whatToDo')}</h2>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.instructions}</p>
        </section>
      ) : null}

      <section aria-labelledby="situation" className="mb-6">
        <h2 id="situation" className="mb-2 text-2xl font-bold">{t('description')}</h2>
        <p className="whitespace-pre-line text-lg" lang="it">{alert.description}</p>
      </section>

      {alert.comuneActions ? (
        <section aria-labelledby="comune-actions" className="mb-6">
          <h2 id="comune-actions" className="mb-2 text-2xl font-bold">{t('whatComuneDoes')}</h2>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.comuneActions}</p>
        </section>
      ) : null}

      <section aria-labelledby="zones" className="mb-6">
        <h2 id="zones" className="mb-2 text-2xl font-bold">{t('zones')}</h2>
        {alert.zones.length ? (
          <ul className="list-disc pl-6 text-lg">
            {alert.zones.map((z) => (
              <li key={z.id}>{z.name}</li>
            ))}
          </ul>
        ) : (
          <p className="text-lg">{t('wholeComune')}</p>
        )}
      </section>

      {alert.waitingAreas.length ? (
        <section aria-labelledby="waiting-areas" className="mb-6">
          <h2 id="waiting-areas" className="mb-2 text-2xl font-bold">{t('waitingAreas')}</h2>
          {alert.waitingAreasChosen ? null : <p className="mb-2">{near('allAreas')}</p>}
          <NearestWaitingAreas
            areas={alert.waitingAreas}
            texts={{ button: near('button'), locating: near('locating'), denied: near('denied'), sorted: near('sorted'), away: near.raw('away') as string, directions: near('directions') }}
          />
          <Link href="/allerte/aree-di-attesa" className="mt-2 inline-flex min-h-11 items-center font-semibold text-primary underline">
            {areasPage('allAreas')}
          </Link>
        </section>
      ) : null}

      <p className="mb-1">{t('issuer', { issuer: alert.issuer })}</p>
      {alert.sourceUrl ? (
        <p className="mb-4">
          <a href={alert.sourceUrl} className="text-primary underline" rel="noopener noreferrer">
            {t('source')}
          </a>
        </p>
      ) : null}
      <p className="mb-6 rounded-md border-2 border-danger p-3 font-semibold">{t('emergency')}</p>
      <ButtonLink href="/allerte">{t('all')}</ButtonLink>
    </article>
  )
}
