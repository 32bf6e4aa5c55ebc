import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getNewsForStaff } from '@/lib/content/get-news-for-staff'
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
import { deleteNewsAction, updateNewsAction, withdrawNewsAction } from '../actions'

export const metadata: Metadata = { title: 'Modifica notizia' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default async function EditNewsPage({
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
    item: await getNewsForStaff(actor, id),
    topics: await listTopicAudiences(actor),
  }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { item, topics } = loaded
  if (!item) notFound()
  const message = outcomeMessage('news', await searchParams, item.publishedAt)
  const schedule =
    item.status === 'scheduled' && item.publishedAt
      ? romeDateAndTime(item.publishedAt)
      : { date: '', time: '' }
  const initial: ContentFormValues = {
    ...emptyContentForm,
    title: item.title,
    summary: item.summary,
    body: item.body,
    topicId: item.topic && !item.topic.retiredAt ? String(item.topic.id) : '',
    publication: item.status === 'published' ? 'now' : item.status,
    publishDate: schedule.date,
    publishTime: schedule.time,
    notify: item.notice.queuedFor !== null,
    image:
      item.imageKey && item.imageUrl
        ? { key: item.imageKey, url: item.imageUrl, alt: item.imageAlt ?? '' }
        : null,
  }
  const sent = item.notice.sent
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/notizie" className="inline-flex min-h-11 items-center text-primary underline">
          ← Notizie
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{item.title}</h1>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <ContentStatusPill kind="news" status={item.status} />
        {item.status === 'scheduled' && item.publishedAt ? (
          <p>Uscirà il {formatRome(item.publishedAt)}.</p>
        ) : null}
        {item.status === 'published' ? (
          <Link href={`/notizie/${item.slug}`} className="inline-flex min-h-11 items-center text-primary underline">
            Apri la pagina pubblica
          </Link>
        ) : (
          <p className="text-muted">Indirizzo: /notizie/{item.slug}</p>
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
          kind="news"
          action={updateNewsAction}
          itemId={item.id}
          topics={topics}
          initial={initial}
          saved={{
            publishedSince:
              item.status === 'published' && item.publishedAt
                ? `dal ${formatRome(item.publishedAt)}`
                : null,
            noticeSent: sent
              ? `il ${formatRome(sent.at)} (${sent.citizens === 1 ? '1 cittadino' : `${sent.citizens} cittadini`})`
              : null,
            retiredTopic: item.topic?.retiredAt ? item.topic.nameIt : null,
          }}
          uploadUrl="/api/uploads"
          submitLabel="Salva le modifiche"
        />
        <div className="grid content-start gap-4">
          {item.status !== 'draft' ? (
            <WithdrawForm
              action={withdrawNewsAction}
              id={item.id}
              description="Torna bozza: i cittadini non la vedono più, il testo resta."
            />
          ) : null}
          <DeleteForm action={deleteNewsAction} id={item.id} title={item.title} noun="la notizia" />
        </div>
      </div>
    </>
  )
}
