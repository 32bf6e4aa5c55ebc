import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ButtonLink } from '@/components/ui/button-link'
import { PageTitle } from '@/components/ui/page-title'
import { countPublicReports, countResolvedLastYear, listPublicReports, PUBLIC_PAGE_SIZE } from '@/lib/reports/public-reports'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { publicReportFilterSchema } from '@/lib/reports/schemas'
import { ToggleReportsMap } from '@/components/reports/toggle-map'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.list')
  return { title: t('title') }
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection()
  const params = await searchParams
  const filter = publicReportFilterSchema.parse({ categoryId: params.categoria, status: params.stato, page: params.pagina })
  const [list, total, resolved, setup, t, ts, format] = await Promise.all([
    listPublicReports(filter),
    countPublicReports(filter),
    countResolvedLastYear(),
    getReportFormSetup(),
    getTranslations('reports.list'),
    getTranslations('reports.status'),
    getFormatter(),
  ])
  const page = filter.page ?? 1
  const pages = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE))
  const first = (page - 1) * PUBLIC_PAGE_SIZE + 1
  // Page links keep the filters the citizen chose.
  const pageHref = (n: number) => {
    const query = new URLSearchParams()
    if (filter.categoryId) query.set('categoria', String(filter.categoryId))
    if (filter.status !== 'all') query.set('stato', filter.status)
    if (n > 1) query.set('pagina', String(n))
    const text = query.toString()
    return text ? `/segnalazioni?${text}` : '/segnalazioni'
  }
  const pageLink = 'inline-flex min-h-12 items-center justify-center rounded-md border-2 border-primary bg-white px-5 font-semibold text-primary no-underline hover:bg-primary-light'
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

      {pages > 1 && setup.tileUrl ? <p className="mb-2 text-muted">{t('mapPage')}</p> : null}
      <ToggleReportsMap
        markers={list.map((r) => ({ lat: r.latitude, lon: r.longitude, label: `${r.publicCode}: ${r.title}`, href: `/segnalazioni/${r.publicCode}` }))}
        center={setup.center}
        boundary={setup.boundary}
        tileUrl={setup.tileUrl}
        attribution={setup.attribution}
        labels={{ show: t('showMap'), hide: t('hideMap'), region: t('mapRegion'), tilesUnavailable: t('tilesUnavailable') }}
      />

      <h2 className="mb-3 text-2xl font-bold" data-testid="reports-count">
        {t('count', { count: total })}
        {total > list.length && list.length > 0 ? <span className="font-normal"> · {t('shown', { first, last: first + list.length - 1 })}</span> : null}
      </h2>
      {list.length === 0 ? <p className="text-lg">{page > 1 && total > 0 ? t('pastEnd') : t('none')}</p> : null}
      <ul className="grid gap-4">
        {list.map((r) => (
          <li key={r.id} className="rounded-md border-2 border-line p-4">
            <div className="flex flex-wrap gap-4">
              {/* eslint-disable-next-line @next/next/no-img-element -- photos are already resized JPEGs */}
              {r.photos[0] ? <img src={r.photos[0].url} alt={t('photoAlt', { code: r.publicCode })} width={160} height={120} className="h-30 w-40 rounded object-cover" loading="lazy" /> : null}
              <div className="min-w-0 flex-1">
                <p className="text-sm font-semibold text-muted">{r.categoryName}</p>
                <Link href={`/segnalazioni/${r.publicCode}`} className="inline-flex min-h-11 items-center text-xl font-semibold text-primary underline">{r.title}</Link>
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
      {pages > 1 || page > 1 ? (
        <nav aria-label={t('pagesLabel')} className="mt-6 flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(Math.min(page - 1, pages))} className={pageLink} rel="prev">
              {t('previous')}
            </Link>
          ) : null}
          <span className="text-lg">{t('pageOf', { page: Math.min(page, pages), pages })}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className={pageLink} rel="next">
              {t('nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
