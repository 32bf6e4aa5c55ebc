import 'server-only'
import { and, desc, eq, gt, inArray, isNotNull, lt, or } from 'drizzle-orm'
import { notifications, pushServiceBlocks } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'

const PAGE = 30

/** Messages sent to citizens, newest first, with their delivery progress. */
export async function listNotificationsForStaff(actor: StaffActor, options: { before?: Date } = {}) {
  assertRole(actor, ['admin', 'operator', 'civil_protection'])
  const db = await getDb()
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      topicName: topics.nameIt,
      details: notifications.details,
      personal: notifications.citizenId,
      createdAt: notifications.createdAt,
      state: notifications.state,
      total: notifications.total,
      sent: notifications.sent,
      gone: notifications.gone,
      failed: notifications.failed,
      startedAt: notifications.startedAt,
      finishedAt: notifications.finishedAt,
    })
    .from(notifications)
    .leftJoin(topics, eq(topics.id, notifications.topicId))
    .where(options.before ? lt(notifications.createdAt, options.before) : undefined)
    .orderBy(desc(notifications.createdAt))
    .limit(PAGE)
  // Messages to one citizen are counted, never listed with their content's recipient.
  return (await withAllTopicNames(rows)).map(({ personal, ...row }) => ({ ...row, personal: personal !== null }))
}

export async function listBlockedPushServices(actor: StaffActor) {
  assertRole(actor, ['admin', 'operator', 'civil_protection'])
  const db = await getDb()
  return db.select().from(pushServiceBlocks).orderBy(desc(pushServiceBlocks.blockedAt))
}

/** What is being sent right now, and what finished in the last hour: the dashboard's progress panel. */
export async function listDeliveriesInProgress(actor: StaffActor, now = new Date()) {
  assertRole(actor, ['admin', 'operator', 'civil_protection'])
  const db = await getDb()
  const hourAgo = new Date(now.getTime() - 3_600_000)
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      topicName: topics.nameIt,
      details: notifications.details,
      state: notifications.state,
      total: notifications.total,
      sent: notifications.sent,
      gone: notifications.gone,
      failed: notifications.failed,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(topics, eq(topics.id, notifications.topicId))
    // Messages to one citizen (replies, tests) are not broadcasts: not shown here.
    .where(and(isNotNull(notifications.topicId), or(inArray(notifications.state, ['queued', 'sending']), gt(notifications.finishedAt, hourAgo)), gt(notifications.createdAt, new Date(now.getTime() - 7 * 86_400_000))))
    .orderBy(desc(notifications.createdAt))
    .limit(10)
  return withAllTopicNames(rows)
}

/**
 * A campaign to several topics is one notification whose topic column holds the first of
 * them (the rest are in details.topicIds): staff read every topic's name.
 */
async function withAllTopicNames<T extends { topicName: string | null; details: unknown }>(rows: T[]): Promise<Array<Omit<T, 'details'>>> {
  const idsOf = (details: unknown): number[] => {
    const ids = (details as { topicIds?: unknown } | null)?.topicIds
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : []
  }
  const wanted = [...new Set(rows.flatMap((r) => (idsOf(r.details).length > 1 ? idsOf(r.details) : [])))]
  const names = new Map<number, string>()
  if (wanted.length) {
    const db = await getDb()
    for (const t of await db.select({ id: topics.id, name: topics.nameIt }).from(topics).where(inArray(topics.id, wanted))) names.set(t.id, t.name)
  }
  return rows.map(({ details, ...row }) => {
    const ids = idsOf(details)
    return ids.length > 1 ? { ...row, topicName: ids.map((id) => names.get(id)).filter(Boolean).join(', ') } : row
  })
}
