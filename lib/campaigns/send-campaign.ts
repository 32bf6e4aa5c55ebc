import 'server-only'
import type { PgBoss } from 'pg-boss'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '@/db/client'
import { campaigns, type Campaign } from '@/db/schema/campaigns'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { getLogger } from '../log'
import { ensureQueue, getBoss } from '../jobs/boss'
import { recordAudit } from '../audit/record-audit'
import { notify } from '../notify/notify'
import { pushTopicFor } from '../notify/payload'
import { countTopicsAudience } from './count-campaign-audience'

export const CAMPAIGN_QUEUE = 'campaign-send'

/** Raised (and retried by pg-boss) when the job runs a moment before the campaign's time. */
class NotYetDue extends Error {
  override name = 'NotYetDue'
}

/**
 * Hands a campaign to the notify pipeline as one notification whose audience is everyone
 * following any of its topics: a citizen following several of them gets one inbox entry,
 * and each of their devices one push.
 */
export async function deliverCampaign(tx: Tx, campaign: Campaign, topicIds: number[], now: Date): Promise<{ devices: number; recipients: number }> {
  const { devices } = await countTopicsAudience(tx, topicIds)
  const pushTopic = pushTopicFor('campaign', campaign.id)
  const { notificationId, recipients } = await notify(tx, {
    kind: 'campaign',
    title: campaign.title,
    body: campaign.body,
    url: campaign.url || '/notifiche',
    audience: { topicIds },
    urgency: 'normal',
    ttlSeconds: 2 * 86_400,
    pushTopic,
    tag: pushTopic,
    sourceType: 'campaign',
    sourceId: campaign.id,
    createdBy: campaign.createdBy,
  })
  await tx.update(campaigns).set({ state: 'sent', sentAt: now, devices, notificationIds: [notificationId] }).where(eq(campaigns.id, campaign.id))
  return { devices, recipients }
}

export type ScheduledResult = 'sent' | 'missing' | 'cancelled' | 'already_sent' | 'failed'

/** At a scheduled campaign's time: sends it unless it was cancelled; topics retired meanwhile are left out. */
export async function sendScheduledCampaign(campaignId: string, now = new Date()): Promise<ScheduledResult> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for('update')
    if (!campaign) return 'missing'
    if (campaign.state === 'cancelled') return 'cancelled'
    if (campaign.state !== 'scheduled') return 'already_sent'
    if (campaign.scheduledFor && campaign.scheduledFor.getTime() > now.getTime() + 1000) throw new NotYetDue(`campaign ${campaignId} is due at ${campaign.scheduledFor.toISOString()}`)
    const live = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(inArray(topics.id, campaign.topicIds), isNull(topics.retiredAt)))
    const topicIds = campaign.topicIds.filter((id) => live.some((t) => t.id === id))
    if (topicIds.length === 0) {
      await tx.update(campaigns).set({ state: 'failed' }).where(eq(campaigns.id, campaign.id))
      await recordAudit(tx, { action: 'campaign.fail', actorId: null, actorLabel: 'Invio programmato', targetType: 'campaign', targetId: campaign.id, ip: null, details: { title: campaign.title } })
      return 'failed'
    }
    const { devices, recipients } = await deliverCampaign(tx, campaign, topicIds, now)
    await recordAudit(tx, {
      action: 'campaign.send',
      actorId: campaign.createdBy,
      actorLabel: 'Invio programmato',
      targetType: 'campaign',
      targetId: campaign.id,
      ip: null,
      details: { title: campaign.title, topicIds, devices, recipients, scheduled: true },
    })
    return 'sent'
  })
}

/** Creates the campaign queue and its worker; called once at server start. */
export async function registerCampaignJobs(boss: PgBoss): Promise<void> {
  await ensureCampaignQueue(boss)
  await boss.work<{ campaignId: string }>(CAMPAIGN_QUEUE, { pollingIntervalSeconds: 5, batchSize: 1 }, async ([job]) => {
    if (!job) return
    const result = await sendScheduledCampaign(job.data.campaignId)
    getLogger().info({ campaignId: job.data.campaignId, result }, 'scheduled campaign')
  })
}

export async function ensureCampaignQueue(boss?: PgBoss): Promise<void> {
  await ensureQueue(boss ?? (await getBoss()), CAMPAIGN_QUEUE, { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 120 })
}
