import 'server-only'
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { getDb } from '../db'
import type { CitizenActor } from '../citizens/actor'

export const INBOX_PAGE = 30

/** The citizen's messages, newest first, in pages keyed by id. */
export async function listInbox(citizen: CitizenActor, options: { before?: number } = {}) {
  const db = await getDb()
  const rows = await db
    .select({
      id: inboxItems.id,
      readAt: inboxItems.readAt,
      createdAt: inboxItems.createdAt,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      url: notifications.url,
    })
    .from(inboxItems)
    .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .where(and(eq(inboxItems.citizenId, citizen.id), options.before ? lt(inboxItems.id, options.before) : undefined))
    .orderBy(desc(inboxItems.id))
    .limit(INBOX_PAGE + 1)
  return { items: rows.slice(0, INBOX_PAGE), nextBefore: rows.length > INBOX_PAGE ? (rows[INBOX_PAGE - 1]?.id ?? null) : null }
}

export async function countUnread(citizen: CitizenActor): Promise<number> {
  const db = await getDb()
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(and(eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.readAt)))
  return row?.n ?? 0
}

/** Marks one message read and tells where it leads; null when it is not the citizen's. */
export async function openInboxItem(citizen: CitizenActor, itemId: number): Promise<string | null> {
  const db = await getDb()
  const [item] = await db
    .select({ url: notifications.url })
    .from(inboxItems)
    .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.citizenId, citizen.id)))
  if (!item) return null
  const now = new Date()
  await db
    .update(inboxItems)
    .set({ readAt: sql`coalesce(${inboxItems.readAt}, ${now.toISOString()}::timestamptz)`, openedAt: now })
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.openedAt)))
  return item.url.startsWith('/') && !item.url.startsWith('//') ? item.url : '/notifiche'
}

/**
 * The citizen opened a notification from the phone's tray: its inbox entry is read, and
 * counted as opened in the sender's statistics. A campaign to several topics is several
 * notifications sharing a push Topic: the entry the citizen has is the one marked.
 */
export async function markNotificationRead(citizen: CitizenActor, notificationId: string) {
  const db = await getDb()
  const now = new Date()
  const [n] = await db.select({ pushTopic: notifications.pushTopic }).from(notifications).where(eq(notifications.id, notificationId))
  if (!n) return
  const same = n.pushTopic
    ? sql`${inboxItems.notificationId} in (select id from notifications where push_topic = ${n.pushTopic})`
    : eq(inboxItems.notificationId, notificationId)
  await db
    .update(inboxItems)
    .set({ readAt: sql`coalesce(${inboxItems.readAt}, ${now.toISOString()}::timestamptz)`, openedAt: now })
    .where(and(same, eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.openedAt)))
}

export async function markAllRead(citizen: CitizenActor) {
  const db = await getDb()
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.readAt)))
}
