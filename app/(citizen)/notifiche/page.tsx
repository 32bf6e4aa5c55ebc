import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { listActiveAlerts } from '@/lib/alerts/public-alerts'
import { AlertBanner } from '@/components/alerts/alert-banner'
import { listInbox } from '@/lib/inbox/inbox'
import { ButtonLink } from '@/components/ui/button-link'
import { PageTitle } from '@/components/ui/page-title'
import { markAllReadAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox')
  return { title: t('title') }
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection()
  const [t, tAlerts, format, citizen, activeAlerts] = await Promise.all([
    getTranslations('inbox'),
    getTranslations('alerts'),
    getFormatter(),
    getCurrentCitizen(),
    listActiveAlerts(),
  ])
  // Alerts in force head the inbox too, whatever the citizen's topics and zones: the inbox is
  // where people look for "what did the Comune tell me", and an alert is the first answer.
  const banner = (
    <AlertBanner
      alerts={activeAlerts.map((a) => ({ id: a.id, level: a.level, headline: a.headline, levelLabel: tAlerts(`levels.${a.level}`) }))}
      labels={{ heading: tAlerts('title'), open: tAlerts('open') }}
    />
  )
  if (!citizen) {
    return (
      <>
        {banner}
        <PageTitle>{t('title')}</PageTitle>
        <p className="mb-6 max-w-prose text-lg">{t('noCitizen')}</p>
        <ButtonLink href="/impostazioni" variant="primary">
          {t('goToSettings')}
        </ButtonLink>
      </>
    )
  }
  const before = (await searchParams).prima
  const page = await listInbox(citizen, { before: typeof before === 'string' && /^\d+$/.test(before) ? Number(before) : undefined })
  const hasUnread = page.items.some((i) => !i.readAt)
  return (
    <>
      {banner}
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {hasUnread ? (
        <form
          action={async () => {
            'use server'
            await markAllReadAction()
          }}
          className="mb-4"
        >
          <button type="submit" className="min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary hover:bg-primary-light">
            {t('markAllRead')}
          </button>
        </form>
      ) : null}
      {page.items.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        <ul className="grid gap-3" data-testid="inbox">
          {page.items.map((item) => (
            <li key={item.id}>
              {/* A plain link: a full request to the route that marks it read and redirects. */}
              <a
                href={`/notifiche/apri/${item.id}`}
                className={`block rounded-md border-2 p-4 no-underline hover:border-primary ${item.readAt ? 'border-line bg-white' : 'border-primary bg-primary-light'}`}
              >
                <span className="flex flex-wrap items-baseline gap-2">
                  {!item.readAt ? (
                    <span className="rounded bg-primary px-2 text-sm font-semibold text-white">{t('unread')}</span>
                  ) : null}
                  <span className={`text-lg text-primary underline ${item.readAt ? 'font-semibold' : 'font-bold'}`}>{item.title}</span>
                </span>
                <span className="mt-1 block text-ink">{item.body}</span>
                <span className="mt-1 block text-sm text-muted">
                  {t('receivedAt', { date: format.dateTime(item.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {page.nextBefore ? (
        <p className="mt-6">
          <Link href={`/notifiche?prima=${page.nextBefore}`} className="text-primary underline">
            {t('older')}
          </Link>
        </p>
      ) : null}
    </>
  )
}
