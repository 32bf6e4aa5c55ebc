import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ButtonLink } from '@/components/ui/button-link'
import { PageTitle } from '@/components/ui/page-title'
import { countResolvedLastYear, listPublicReports } from '@/lib/reports/public-reports'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { publicReportFilterSchema } from '@/lib/reports/schemas'
import { ToggleReportsMap } from '@/components/reports/toggle-map'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.list')
  return { title: t('title') }
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection()
  const filter = publicReportFilterSchema.parse({ categoryId: (await searchParams).categoria, status: (await searchParams).stato })
  const [list, resolved, setup, t, ts, format] = await Promise.all([
    listPublicReports(filter),
    countResolvedLastYear(),
    getReportFormSetup(),
    getTranslations('reports.list'),
    getTranslations('reports.status'),
    getFormatter(),
  ])
  const select = 'mt-1 block min-h-12 w-full rounded-md border-2 border-muted bg-white px-3 text-lg'
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <p className="mb-6 text-xl font-semibold" data-testid="resolved-count">{t('resolvedCount', { count: resolved })}</p>
      <div className="mb-8 flex flex-wrap gap-3">
        <ButtonLink href="/segnalazioni/nuova" variant="primary">{t('new')}</ButtonLink>
        <ButtonLink href="/segnalazioni/mie">{t('mine')}</ButtonLink>
      </div>

      <form method="get" className="mb-6 grid gap-4 rounded-md border-2 border-line p-4 sm:grid-cols-3 sm:items-end" aria-labelledby="filters-title">
        <h2 id="filters-title" className="text-xl font-bold sm:col-span-3">{t('filters')}</h2>
        <div>
          <label htmlFor="categoria" className="font-semibold">{t('category')}</label>
          <select id="categoria" name="categoria" defaultValue={filter.categoryId ?? ''} className={select}>
            <option value="">{t('allCategories')}</option>
            {setup.categories.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="stato" className="font-semibold">{t('statusFilter')}</label>
          <select id="stato" name="stato" defaultValue={filter.status} className={select}>
            <option value="all">{t('statusAll')}</option>
            <option value="open">{t('statusOpen')}</option>
            <option value="closed">{t('statusClosed')}</option>
          </select>
        </div>
        <button type="submit" className="min-h-12 rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark">{t('apply')}</button>
      </form>

      <ToggleReportsMap
        markers={list.map((r) => ({ lat: r.latitude, lon: r.longitude, label: `${r.publicCode}: ${r.title}`, href: `/segnalazioni/${r.publicCode}` }))}
        center={setup.center}
        boundary={setup.boundary}
        tileUrl={setup.tileUrl}
        attribution={setup.attribution}
        labels={{ show: t('showMap'), hide: t('hideMap'), region: t('mapRegion'), tilesUnavailable: t('tilesUnavailable') }}
      />

      <h2 className="mb-3 text-2xl font-bold">{t('count', { count: list.length })}</h2>
      {list.length === 0 ? <p className="text-lg">{t('none')}</p> : null}
      <ul className="grid gap-4">
        {list.map((r) => (
          <li key={r.id} className="rounded-md border-2 border-line p-4">
            <div className="flex flex-wrap gap-4">
              {/* eslint-disable-next-line @next/next/no-img-element -- photos are already resized JPEGs */}
              {r.photos[0] ? <img src={r.photos[0].url} alt={t('photoAlt', { code: r.publicCode })} width={160} height={120} className="h-30 w-40 rounded object-cover" loading="lazy" /> : null}
              <div className="min-w-0 flex-1">
                <p className="text-sm font-semibold text-muted">{r.categoryName}</p>
                <Link href={`/segnalazioni/${r.publicCode}`} className="text-xl font-semibold text-primary underline">{r.title}</Link>
                <p className="mt-1">
                  <span className="mr-2 inline-block rounded border-2 border-ink px-2 text-sm font-bold">{ts(r.status as 'received')}</span>
                  <span className="text-muted">{r.publicCode} · {r.address} · {t('reportedOn', { date: format.dateTime(r.createdAt, { dateStyle: 'medium' }) })}</span>
                </p>
                <p className="mt-2 line-clamp-3 break-words">{r.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
