import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTopicForStaff } from '@/lib/topics/get-topic-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { RetireTopicForm, TopicForm } from '@/components/admin/topic-forms'
import { StatusPill } from '@/components/ui/status-pill'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { setTopicRetiredAction, updateTopicAction } from '../actions'

export const metadata: Metadata = { title: 'Argomento' }

export default async function TopicPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrSignIn()
  const id = Number((await params).id)
  if (!Number.isSafeInteger(id) || id <= 0) notFound()
  const topic = await unlessForbidden(() => getTopicForStaff(actor, id))
  if (topic === FORBIDDEN) return <Forbidden />
  if (!topic) notFound()
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/argomenti" className="inline-flex min-h-11 items-center text-primary underline">
          ← Argomenti
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{topic.nameIt}</h1>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        {topic.retiredAt ? (
          <StatusPill tone="neutral">Ritirato</StatusPill>
        ) : (
          <StatusPill tone="success">Attivo</StatusPill>
        )}
        {topic.recommended ? <StatusPill tone="neutral">Consigliato</StatusPill> : null}
        <p>
          {topic.subscribers === 1
            ? '1 cittadino iscritto'
            : `${topic.subscribers} cittadini iscritti`}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <TopicForm
          action={updateTopicAction}
          topicId={topic.id}
          initial={{
            nameIt: topic.nameIt,
            nameEn: topic.nameEn,
            descriptionIt: topic.descriptionIt,
            descriptionEn: topic.descriptionEn,
          }}
          heading="Nome e descrizione"
          submitLabel="Salva le modifiche"
        />
        <div className="grid content-start">
          <RetireTopicForm
            action={setTopicRetiredAction}
            topicId={topic.id}
            retired={Boolean(topic.retiredAt)}
            permanent={topic.permanent}
          />
        </div>
      </div>
    </>
  )
}
