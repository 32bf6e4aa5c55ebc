import type { NoticeOutcome, SavedContent } from '@/lib/content/publication'
import type { ContentStatus } from '@/lib/content/status-shared'

const romeDateTime = new Intl.DateTimeFormat('it-IT', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Rome',
})

/** "3 marzo 2026 alle ore 10:15", always in Rome time. */
export function formatRome(instant: Date): string {
  return romeDateTime.format(instant)
}

const statusMessages = {
  news: {
    draft: 'Bozza salvata.',
    scheduled: 'Notizia programmata',
    published: 'Notizia pubblicata.',
  },
  event: {
    draft: 'Bozza salvata.',
    scheduled: 'Evento programmato',
    published: 'Evento pubblicato.',
  },
} as const

function noticeMessage(notice: NoticeOutcome): string {
  if (!notice) return ''
  if ('scheduledFor' in notice) return ' L’avviso agli iscritti partirà all’ora di pubblicazione.'
  if ('alreadySent' in notice) return ' Gli iscritti erano già stati avvisati: nessun nuovo avviso.'
  const n = notice.sent
  return ` Avviso inviato: ${n === 1 ? '1 cittadino lo troverà' : `${n} cittadini lo troveranno`} tra i suoi messaggi.`
}

/** What the editor is told after a save. */
export function savedMessage(
  kind: 'news' | 'event',
  saved: Pick<SavedContent, 'status' | 'publishedAt' | 'notice'>,
): string {
  const status =
    saved.status === 'scheduled'
      ? `${statusMessages[kind].scheduled}${saved.publishedAt ? ` per il ${formatRome(saved.publishedAt)}` : ''}.`
      : statusMessages[kind][saved.status]
  return `${status}${noticeMessage(saved.notice)}`
}

/** The outcome of a create, carried across the redirect to the edit page. */
export function outcomeQuery(saved: SavedContent): string {
  const params = new URLSearchParams({ esito: saved.status })
  const notice = saved.notice
  if (notice && 'sent' in notice) params.set('avvisati', String(notice.sent))
  if (notice && 'scheduledFor' in notice) params.set('avviso', 'programmato')
  return params.toString()
}

/** Reads back outcomeQuery on the edit page; null when the page was opened directly. */
export function outcomeMessage(
  kind: 'news' | 'event',
  params: Record<string, string | string[] | undefined>,
  publishedAt: Date | null,
): string | null {
  const status = params.esito
  if (status !== 'draft' && status !== 'scheduled' && status !== 'published') return null
  const notice: NoticeOutcome =
    typeof params.avvisati === 'string' && /^\d+$/.test(params.avvisati)
      ? { sent: Number(params.avvisati) }
      : params.avviso === 'programmato' && publishedAt
        ? { scheduledFor: publishedAt }
        : null
  return savedMessage(kind, { status: status as ContentStatus, publishedAt, notice })
}
