'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { campaignFromForm, campaignIdSchema, campaignSchema } from '@/lib/campaigns/schemas'
import { createCampaign } from '@/lib/campaigns/create-campaign'
import { cancelCampaign } from '@/lib/campaigns/cancel-campaign'
import { countCampaignAudience } from '@/lib/campaigns/count-campaign-audience'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

export async function createCampaignAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = campaignSchema.safeParse(
      campaignFromForm({
        title: String(formData.get('title') ?? ''),
        body: String(formData.get('body') ?? ''),
        url: String(formData.get('url') ?? ''),
        topicIds: formData.getAll('topicIds').map(String),
        when: String(formData.get('when') ?? ''),
        scheduledFor: String(formData.get('scheduledFor') ?? ''),
      }),
    )
    if (!parsed.success) return fromZodError(parsed.error)
    const outcome = await createCampaign(actor, parsed.data, await requestContext())
    target = outcome.state === 'sent' ? `/admin/campagne/${outcome.id}?esito=inviata&dispositivi=${outcome.devices}` : `/admin/campagne/${outcome.id}?esito=programmata`
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) {
    revalidatePath('/admin/campagne')
    redirect(target)
  }
  return result
}

export async function cancelCampaignAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = campaignIdSchema.safeParse({ campaignId: formData.get('campaignId') })
    if (!parsed.success) return fromZodError(parsed.error)
    await cancelCampaign(actor, parsed.data.campaignId, await requestContext())
    target = `/admin/campagne/${parsed.data.campaignId}?esito=annullata`
    return { ok: true, message: 'Campagna annullata.' }
  })
  if (result.ok && target) {
    revalidatePath('/admin/campagne')
    redirect(target)
  }
  return result
}

/** The composer's live estimate; null when the person may not send campaigns or the ids are not numbers. */
export async function countCampaignAudienceAction(topicIds: number[]): Promise<number | null> {
  if (!Array.isArray(topicIds) || topicIds.length > 20 || !topicIds.every((id) => Number.isInteger(id) && id > 0)) return null
  const actor = await getCurrentStaff()
  if (!actor || (actor.role !== 'admin' && actor.role !== 'operator')) return null
  return (await countCampaignAudience(actor, topicIds)).devices
}
