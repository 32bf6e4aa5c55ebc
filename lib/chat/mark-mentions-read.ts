import 'server-only'
import { and, eq, inArray, isNull, lte } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { chatMentions } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff } from './access'

/** Reading a conversation up to a point reads the mentions of this person up to there. */
export async function markConversationMentionsRead(db: DbOrTx, staffId: string, conversationId: string, upTo: number, now: Date): Promise<number> {
  const rows = await db
    .update(chatMentions)
    .set({ readAt: now })
    .where(and(eq(chatMentions.staffId, staffId), eq(chatMentions.conversationId, conversationId), lte(chatMentions.seq, upTo), isNull(chatMentions.readAt)))
    .returning({ id: chatMentions.id })
  return rows.length
}

/** "Segna come lette": the listed mentions (only this person's own) are put away. */
export async function markMentionsRead(actor: StaffActor, ids: number[], now = new Date()): Promise<number> {
  assertChatStaff(actor)
  if (ids.length === 0) return 0
  const db = await getDb()
  const rows = await db
    .update(chatMentions)
    .set({ readAt: now })
    .where(and(eq(chatMentions.staffId, actor.id), inArray(chatMentions.id, ids), isNull(chatMentions.readAt)))
    .returning({ id: chatMentions.id })
  return rows.length
}
