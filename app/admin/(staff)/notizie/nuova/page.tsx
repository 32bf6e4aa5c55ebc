import type { Metadata } from 'next'
import Link from 'next/link'
import { listTopicAudiences } from '@/lib/content/list-topic-audiences'
import { Forbidden } from '@/components/admin/forbidden'
import { ContentForm, emptyContentForm } from '@/components/admin/content-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { createNewsAction } from '../actions'

export const metadata: Metadata = { title: 'Nuova notizia' }

export default async function NewNewsPage() {
  const actor = await staffOrSignIn()
  const topics = await unlessForbidden(() => listTopicAudiences(actor))
  if (topics === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/notizie" className="inline-flex min-h-11 items-center text-primary underline">
          ← Notizie
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Nuova notizia</h1>
      <ContentForm
        kind="news"
        action={createNewsAction}
        topics={topics}
        initial={emptyContentForm}
        uploadUrl="/api/uploads"
        submitLabel="Salva la notizia"
      />
    </>
  )
}
