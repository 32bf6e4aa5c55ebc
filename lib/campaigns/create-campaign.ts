import 'server-only'
import { inArray } from 'drizzle-orm'
import { campaigns } from '@/db/schema/campaigns'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { enqueue } from '../jobs/boss'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { CAMPAIGN_ROLES, type CampaignInput } from './schemas'
import { CAMPAIGN_QUEUE, deliverCampaign } from './send-campaign'

export type CampaignOutcome = { id: string; state: 'sent'; devices: number; recipients: number } | { id: string; state: 'scheduled'; scheduledFor: Date }

const invalid = (field: string, message: string) => new AppError('invalid_input', 'Controlla i campi evidenziati.', { [field]: message })

/**
 * A broadcast to the subscribers of one or more topics: sent now, or at a chosen time by a
 * job (cancellable until then). Retired topics are refused by name.
 */
export async function createCampaign(actor: StaffActor, input: CampaignInput, context: RequestContext, now = new Date()): Promise<CampaignOutcome> {
  assertRole(actor, CAMPAIGN_ROLES)
  const topicIds = [...new Set(input.topicIds)]
  const scheduledFor = input.when === 'later' ? input.scheduledFor : null
  if (scheduledFor && scheduledFor.getTime() <= now.getTime() + 60_000) {
    throw invalid('scheduledFor', 'L’ora dell’invio è già passata o è troppo vicina: scegli un momento futuro, oppure invia subito.')
  }
  const db = await getDb()
  return db.transaction(async (tx) => {
    const found = await tx.select({ id: topics.id, name: topics.nameIt, retiredAt: topics.retiredAt }).from(topics).where(inArray(topics.id, topicIds))
    if (found.length !== topicIds.length) throw invalid('topicIds', 'Uno degli argomenti scelti non esiste.')
    const retired = found.filter((t) => t.retiredAt)
    if (retired.length) {
      const names = retired.map((t) => `«${t.name}»`).join(', ')
      throw invalid('topicIds', `${retired.length === 1 ? `L’argomento ${names} è stato ritirato` : `Gli argomenti ${names} sono stati ritirati`}: nessun cittadino lo riceverebbe. Scegli un argomento in uso.`)
    }
    const [campaign] = await tx
      .insert(campaigns)
      .values({ title: input.title, body: input.body, url: input.url || '/notifiche', topicIds, scheduledFor, createdBy: actor.id, createdAt: now })
      .returning()
    if (!campaign) throw new Error('campaign insert returned nothing')
    const audit = { actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'campaign', targetId: campaign.id, ip: context.ip }
    if (scheduledFor) {
      await enqueue(tx, CAMPAIGN_QUEUE, { campaignId: campaign.id }, { startAfter: scheduledFor, singletonKey: campaign.id })
      await recordAudit(tx, { ...audit, action: 'campaign.schedule', details: { title: input.title, topicIds, scheduledFor: scheduledFor.toISOString() } })
      return { id: campaign.id, state: 'scheduled', scheduledFor }
    }
    const { devices, recipients } = await deliverCampaign(tx, campaign, topicIds, now)
    await recordAudit(tx, { ...audit, action: 'campaign.send', details: { title: input.title, topicIds, devices, recipients } })
    return { id: campaign.id, state: 'sent', devices, recipients }
  })
}
