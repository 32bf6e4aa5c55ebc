import type { Metadata } from 'next'
import Link from 'next/link'
import { listTopicAudiences } from '@/lib/content/list-topic-audiences'
import { romeDateAndTime } from '@/lib/time/rome-instant'
import { Forbidden } from '@/components/admin/forbidden'
import { CampaignForm } from '@/components/admin/campaign-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { countCampaignAudienceAction, createCampaignAction } from '../actions'

export const metadata: Metadata = { title: 'Nuova campagna' }

export default async function NewCampaignPage() {
  const actor = await staffOrSignIn()
  const topics = await unlessForbidden(() => listTopicAudiences(actor))
  if (topics === FORBIDDEN) return <Forbidden />
  const now = new Date()
  const { date, time } = romeDateAndTime(new Date(now.getTime() + 3_600_000))
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/campagne" className="inline-flex min-h-11 items-center text-primary underline">
          ← Campagne
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Nuova campagna</h1>
      <p className="mb-4">Un messaggio agli iscritti di uno o più argomenti: arriva tra i messaggi dell’app e, a chi le ha attivate, come notifica. Chi segue più argomenti lo riceve una volta sola.</p>
      <CampaignForm action={createCampaignAction} countAction={countCampaignAudienceAction} topics={topics} defaultScheduledFor={`${date}T${time}`} />
    </>
  )
}
