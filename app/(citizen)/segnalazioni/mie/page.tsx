import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ButtonLink } from '@/components/ui/button-link'
import { PageTitle } from '@/components/ui/page-title'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { listMyReports } from '@/lib/reports/public-reports'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.mine')
  return { title: t('title') }
}

export default async function MyReportsPage() {
  await connection()
  const citizen = await getCurrentCitizen()
  const [list, t, tl, ts, format] = await Promise.all([
    citizen ? listMyReports(citizen) : Promise.resolve([]),
    getTranslations('reports.mine'),
    getTranslations('reports.list'),
    getTranslations('reports.status'),
    getFormatter(),
  ])
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {list.length === 0 ? <p className="mb-6 text-lg">{t('none')}</p> : null}
      <ul className="mb-8 grid gap-4">
        {list.map((r) => (
          <li key={r.id} className="rounded-md border-2 border-line p-4">
            <Link href={`/segnalazioni/${r.publicCode}`} className="text-xl font-semibold text-primary underline">{r.title}</Link>
            <p className="mt-1">
              <span className="mr-2 inline-block rounded border-2 border-ink px-2 text-sm font-bold">{ts(r.status as 'received')}</span>
              <span className="text-muted">
                {r.publicCode} · {r.via === 'reporter' ? t('reporter') : t('follower')} · {tl('reportedOn', { date: format.dateTime(r.createdAt, { dateStyle: 'medium' }) })}
              </span>
            </p>
          </li>
        ))}
      </ul>
      <ButtonLink href="/segnalazioni/nuova" variant="primary">{tl('new')}</ButtonLink>
    </>
  )
}
