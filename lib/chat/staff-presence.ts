import 'server-only'
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { conversations, staffChatSettings } from '@/db/schema/chat'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'

/** A console stream heartbeat within this window means "online" (whichever process holds it). */
export const ONLINE_WINDOW_MS = 60_000

export async function recordStaffHeartbeat(actor: StaffActor, now = new Date()): Promise<void> {
  const db = await getDb()
  await db
    .insert(staffChatSettings)
    .values({ staffId: actor.id, lastSeenAt: now })
    .onConflictDoUpdate({ target: staffChatSettings.staffId, set: { lastSeenAt: now } })
}

export async function recordCitizenHeartbeat(conversationId: string, now = new Date()): Promise<void> {
  const db = await getDb()
  await db.update(conversations).set({ citizenSeenAt: now }).where(eq(conversations.id, conversationId))
}

export type OnlineStaff = { id: string; name: string; role: string; officeId: number | null; open: number; max: number; lastAssignedAt: Date | null }

/** Chat staff with a live console, with how many open chats they hold and their limit. */
export async function listOnlineStaff(db: DbOrTx, now = new Date()): Promise<OnlineStaff[]> {
  const rows = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      role: staffUsers.role,
      officeId: staffUsers.officeId,
      max: staffChatSettings.maxOpenChats,
      lastAssignedAt: staffChatSettings.lastAssignedAt,
      open: sql<number>`(select count(*)::int from conversations c where c.assignee_id = staff_users.id and c.status in ('open', 'pending'))`,
    })
    .from(staffUsers)
    .innerJoin(staffChatSettings, eq(staffChatSettings.staffId, staffUsers.id))
    .where(
      and(
        eq(staffUsers.active, true),
        inArray(staffUsers.role, ['admin', 'operator', 'office']),
        gt(staffChatSettings.lastSeenAt, new Date(now.getTime() - ONLINE_WINDOW_MS)),
      ),
    )
  return rows
}
