import 'server-only'
import { eq } from 'drizzle-orm'
import { campaigns } from '@/db/schema/campaigns'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { CAMPAIGN_ROLES } from './schemas'

/** Cancels a scheduled campaign before it goes out; the job then finds it cancelled and sends nothing. */
export async function cancelCampaign(actor: StaffActor, campaignId: string, context: RequestContext, now = new Date()) {
  assertRole(actor, CAMPAIGN_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for('update')
    if (!campaign) throw new AppError('not_found', 'Campagna non trovata.')
    if (campaign.state !== 'scheduled') {
      throw new AppError('conflict', campaign.state === 'cancelled' ? 'La campagna era già stata annullata.' : 'La campagna è già stata inviata: non si può più annullare.')
    }
    await tx.update(campaigns).set({ state: 'cancelled', cancelledAt: now, cancelledBy: actor.id }).where(eq(campaigns.id, campaign.id))
    await recordAudit(tx, {
      action: 'campaign.cancel',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'campaign',
      targetId: campaign.id,
      ip: context.ip,
      details: { title: campaign.title, scheduledFor: campaign.scheduledFor?.toISOString() ?? null },
    })
  })
}
