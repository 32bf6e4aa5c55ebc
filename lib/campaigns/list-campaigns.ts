import 'server-only'
import { desc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { campaigns, type Campaign } from '@/db/schema/campaigns'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { CAMPAIGN_ROLES } from './schemas'

export type CampaignStats = { total: number; sent: number; failed: number; gone: number; pending: number; opened: number; inbox: number; finished: boolean }

/** Delivery figures of a sent campaign, summed over its notifications; opened = citizens who opened it. */
export async function campaignStats(db: DbOrTx, notificationIds: string[]): Promise<CampaignStats> {
  if (notificationIds.length === 0) return { total: 0, sent: 0, failed: 0, gone: 0, pending: 0, opened: 0, inbox: 0, finished: false }
  const rows = await db
    .select({ state: notifications.state, total: notifications.total, sent: notifications.sent, failed: notifications.failed, gone: notifications.gone, id: notifications.id })
    .from(notifications)
    .where(inArray(notifications.id, notificationIds))
  // While a fan-out runs the counters are settled at the end: count the deliveries themselves.
  const live = await queryRows<{ state: string; n: number }>(
    db,
    sql`select state, count(*)::int as n from deliveries where notification_id in (select (jsonb_array_elements_text(${JSON.stringify(notificationIds)}::jsonb))::uuid) group by state`,
  )
  const byState = new Map(live.map((r) => [r.state, Number(r.n)]))
  const [opened] = await db
    .select({ opened: sql<number>`count(distinct ${inboxItems.citizenId}) filter (where ${inboxItems.openedAt} is not null)::int`, inbox: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(inArray(inboxItems.notificationId, notificationIds))
  const delivered = [...byState.values()].reduce((a, b) => a + b, 0)
  return {
    total: Math.max(delivered, rows.reduce((a, r) => a + r.total, 0)),
    sent: byState.get('sent') ?? 0,
    failed: byState.get('failed') ?? 0,
    gone: byState.get('gone') ?? 0,
    pending: (byState.get('pending') ?? 0) + (byState.get('sending') ?? 0),
    opened: opened?.opened ?? 0,
    inbox: opened?.inbox ?? 0,
    finished: rows.length > 0 && rows.every((r) => r.state === 'done'),
  }
}

async function topicNames(db: DbOrTx, list: Campaign[]): Promise<Map<number, string>> {
  const ids = [...new Set(list.flatMap((c) => c.topicIds))]
  const rows = ids.length ? await db.select({ id: topics.id, name: topics.nameIt }).from(topics).where(inArray(topics.id, ids)) : []
  return new Map(rows.map((t) => [t.id, t.name]))
}

/** The latest campaigns with their figures, newest first. */
export async function listCampaigns(actor: StaffActor, limit = 50) {
  assertRole(actor, CAMPAIGN_ROLES)
  const db = await getDb()
  const rows = await db.select().from(campaigns).orderBy(desc(campaigns.createdAt)).limit(limit)
  const names = await topicNames(db, rows)
  return Promise.all(
    rows.map(async (c) => ({ ...c, topicNames: c.topicIds.map((id) => names.get(id) ?? `#${id}`), stats: await campaignStats(db, c.notificationIds) })),
  )
}

/** One campaign with its figures and who wrote it; null when missing. */
export async function getCampaign(actor: StaffActor, campaignId: string) {
  assertRole(actor, CAMPAIGN_ROLES)
  const db = await getDb()
  const [row] = await db
    .select({ campaign: campaigns, authorName: staffUsers.name })
    .from(campaigns)
    .leftJoin(staffUsers, eq(staffUsers.id, campaigns.createdBy))
    .where(eq(campaigns.id, campaignId))
  if (!row) return null
  const names = await topicNames(db, [row.campaign])
  return {
    ...row.campaign,
    authorName: row.authorName,
    topicNames: row.campaign.topicIds.map((id) => names.get(id) ?? `#${id}`),
    stats: await campaignStats(db, row.campaign.notificationIds),
  }
}
