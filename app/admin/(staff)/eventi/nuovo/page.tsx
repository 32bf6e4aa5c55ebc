import type { Metadata } from 'next'
import Link from 'next/link'
import { listTopicAudiences } from '@/lib/content/list-topic-audiences'
import { Forbidden } from '@/components/admin/forbidden'
import { ContentForm, emptyContentForm } from '@/components/admin/content-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { createEventAction } from '../actions'

export const metadata: Metadata = { title: 'Nuovo evento' }

export default async function NewEventPage() {
  const actor = await staffOrSignIn()
  const topics = await unlessForbidden(() => listTopicAudiences(actor))
  if (topics === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/eventi" className="inline-flex min-h-11 items-center text-primary underline">
          ← Eventi
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Nuovo evento</h1>
      <ContentForm
        kind="event"
        action={createEventAction}
        topics={topics}
        initial={emptyContentForm}
        uploadUrl="/api/uploads"
        submitLabel="Salva l’evento"
      />
    </>
  )
}
