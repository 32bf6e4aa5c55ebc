import 'server-only'
import { eq } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { conversations } from '@/db/schema/chat'
import { topics } from '@/db/schema/topics'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff, assertStaffCanSee } from './access'

export type CitizenActivity = { since: string; locale: string; topics: string[] }

/** Beside the chat: what else the citizen follows in Filo (their reports join here when reports ship). */
export async function getCitizenActivity(actor: StaffActor, conversationId: string): Promise<CitizenActivity> {
  assertChatStaff(actor)
  const db = await getDb()
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId))
  assertStaffCanSee(actor, conversation)
  const [citizen] = await db.select({ createdAt: citizens.createdAt, locale: citizens.locale }).from(citizens).where(eq(citizens.id, conversation!.citizenId))
  const followed = await db
    .select({ name: topics.nameIt })
    .from(topicSubscriptions)
    .innerJoin(topics, eq(topics.id, topicSubscriptions.topicId))
    .where(eq(topicSubscriptions.citizenId, conversation!.citizenId))
  return { since: citizen?.createdAt.toISOString() ?? '', locale: citizen?.locale ?? 'it', topics: followed.map((t) => t.name) }
}
