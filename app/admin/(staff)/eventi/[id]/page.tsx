import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getEventForStaff } from '@/lib/content/get-event-for-staff'
import { listTopicAudiences } from '@/lib/content/list-topic-audiences'
import { romeDateAndTime } from '@/lib/time/rome-instant'
import { Forbidden } from '@/components/admin/forbidden'
import {
  ContentForm,
  emptyContentForm,
  type ContentFormValues,
} from '@/components/admin/content-form'
import { DeleteForm, WithdrawForm } from '@/components/admin/content-actions'
import { ContentStatusPill } from '@/components/admin/content-status'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { formatRome, outcomeMessage } from '../../../_lib/content-outcome'
import { deleteEventAction, updateEventAction, withdrawEventAction } from '../actions'

export const metadata: Metadata = { title: 'Modifica evento' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default async function EditEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const loaded = await unlessForbidden(async () => ({
    event: await getEventForStaff(actor, id),
    topics: await listTopicAudiences(actor),
  }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { event, topics } = loaded
  if (!event) notFound()
  const message = outcomeMessage('event', await searchParams, event.publishedAt)
  const schedule =
    event.status === 'scheduled' && event.publishedAt
      ? romeDateAndTime(event.publishedAt)
      : { date: '', time: '' }
  const start = romeDateAndTime(event.startsAt)
  const end = event.endsAt ? romeDateAndTime(event.endsAt) : null
  const initial: ContentFormValues = {
    ...emptyContentForm,
    title: event.title,
    summary: event.summary,
    body: event.body,
    location: event.location,
    startDate: start.date,
    startTime: start.time,
    // An end on the start day is shown as a time only, as the form asks for it.
    endDate: end && end.date !== start.date ? end.date : '',
    endTime: end?.time ?? '',
    topicId: event.topic && !event.topic.retiredAt ? String(event.topic.id) : '',
    publication: event.status === 'published' ? 'now' : event.status,
    publishDate: schedule.date,
    publishTime: schedule.time,
    notify: event.notice.queuedFor !== null,
    image:
      event.imageKey && event.imageUrl
        ? { key: event.imageKey, url: event.imageUrl, alt: event.imageAlt ?? '' }
        : null,
  }
  const sent = event.notice.sent
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/eventi" className="inline-flex min-h-11 items-center text-primary underline">
          ← Eventi
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{event.title}</h1>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <ContentStatusPill kind="event" status={event.status} />
        {event.status === 'scheduled' && event.publishedAt ? (
          <p>Uscirà il {formatRome(event.publishedAt)}.</p>
        ) : null}
        {event.status === 'published' ? (
          <Link href={`/eventi/${event.slug}`} className="inline-flex min-h-11 items-center text-primary underline">
            Apri la pagina pubblica
          </Link>
        ) : (
          <p className="text-muted">Indirizzo: /eventi/{event.slug}</p>
        )}
      </div>
      {message ? (
        <p
          role="status"
          className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success"
        >
          {message}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <ContentForm
          kind="event"
          action={updateEventAction}
          itemId={event.id}
          topics={topics}
          initial={initial}
          saved={{
            publishedSince:
              event.status === 'published' && event.publishedAt
                ? `dal ${formatRome(event.publishedAt)}`
                : null,
            noticeSent: sent
              ? `il ${formatRome(sent.at)} (${sent.citizens === 1 ? '1 cittadino' : `${sent.citizens} cittadini`})`
              : null,
            retiredTopic: event.topic?.retiredAt ? event.topic.nameIt : null,
          }}
          uploadUrl="/api/uploads"
          submitLabel="Salva le modifiche"
        />
        <div className="grid content-start gap-4">
          {event.status !== 'draft' ? (
            <WithdrawForm
              action={withdrawEventAction}
              id={event.id}
              description="Torna bozza: i cittadini non lo vedono più, il testo resta."
            />
          ) : null}
          <DeleteForm
            action={deleteEventAction}
            id={event.id}
            title={event.title}
            noun="l’evento"
          />
        </div>
      </div>
    </>
  )
}
