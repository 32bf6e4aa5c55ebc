import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { listRecentAlerts } from '@/lib/alerts/public-alerts'
import { LevelBadge } from '@/components/alerts/level-badge'
import { PageTitle } from '@/components/ui/page-title'
import { ButtonLink } from '@/components/ui/button-link'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('alerts')
  return { title: t('title') }
}

export default async function AlertsPage() {
  await connection()
  const [list, t, format, cp] = await Promise.all([listRecentAlerts(), getTranslations('alerts'), getFormatter(), getTranslations('civilProtection')])
  const now = new Date()
  const current = list.filter((a) => a.state === 'active' && a.validUntil > now)
  const past = list.filter((a) => !current.includes(a))
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'full' })
  const hour = (d: Date) => format.dateTime(d, { timeStyle: 'short' })
  const validity = (a: { validFrom: Date; validUntil: Date }) =>
    day(a.validFrom) === day(a.validUntil)
      ? t('validitySameDay', { day: day(a.validFrom), fromTime: hour(a.validFrom), untilTime: hour(a.validUntil) })
      : t('validity', { fromDay: day(a.validFrom), fromTime: hour(a.validFrom), untilDay: day(a.validUntil), untilTime: hour(a.validUntil) })
  const item = (a: (typeof list)[number]) => (
    <li key={a.id} className="rounded-md border-2 border-line p-4">
      <LevelBadge level={a.level} label={t(`levels.${a.level}`)} />
      <Link href={`/allerte/${a.id}`} className="mt-2 flex min-h-11 items-center text-xl font-semibold text-primary underline" lang="it">
        {a.headline}
      </Link>
      <span className="block text-muted">{validity(a)}</span>
    </li>
  )
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <ButtonLink href="/allerte/aree-di-attesa" className="mb-8">
        {cp('areasLink')}
      </ButtonLink>
      <section aria-labelledby="current" className="mb-8">
        <h2 id="current" className="mb-3 text-2xl font-bold">{t('current')}</h2>
        {current.length ? <ul className="grid gap-3">{current.map(item)}</ul> : <p className="text-lg">{t('none')}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="recent">
          <h2 id="recent" className="mb-3 text-2xl font-bold">{t('recent')}</h2>
          <ul className="grid gap-3">{past.map(item)}</ul>
        </section>
      ) : null}
    </>
  )
}
