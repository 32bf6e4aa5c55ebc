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
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.readAt)))
  return item.url.startsWith('/') && !item.url.startsWith('//') ? item.url : '/notifiche'
}

/** Marks read the inbox entry of a notification the citizen opened from the phone's tray. */
export async function markNotificationRead(citizen: CitizenActor, notificationId: string) {
  const db = await getDb()
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.notificationId, notificationId), eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.readAt)))
}

export async function markAllRead(citizen: CitizenActor) {
  const db = await getDb()
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.citizenId, citizen.id), isNull(inboxItems.readAt)))
}
