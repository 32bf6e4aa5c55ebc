import 'server-only'
import { and, eq, lt } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { assertChatStaff, assertStaffCanSee } from './access'
import { markConversationMentionsRead } from './mark-mentions-read'
import { publishConversationEvent, publishInboxEvent } from './write-message'

/** The citizen has seen everything up to `upTo`: staff see the double tick. */
export async function markReadByCitizen(actor: CitizenActor, upTo: number): Promise<void> {
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(conversations)
      .set({ citizenReadSeq: upTo })
      .where(and(eq(conversations.citizenId, actor.id), lt(conversations.citizenReadSeq, upTo), lt(conversations.citizenReadSeq, conversations.lastMessageSeq)))
      .returning({ id: conversations.id, last: conversations.lastMessageSeq })
    if (!row) return
    // Never past the last message: a forged number cannot mark future replies as read.
    if (upTo > row.last) await tx.update(conversations).set({ citizenReadSeq: row.last }).where(eq(conversations.id, row.id))
    await publishConversationEvent(tx, row.id, 'read', { by: 'citizen', upTo: Math.min(upTo, row.last) })
  })
}

/**
 * A staff member opened the conversation: its citizen messages are read (for the whole team),
 * and the notes that named this person are read (for them).
 */
export async function markReadByStaff(actor: StaffActor, conversationId: string, upTo: number, now = new Date()): Promise<void> {
  assertChatStaff(actor)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update')
    assertStaffCanSee(actor, conversation)
    if (!conversation) return
    // Notes do not move lastMessageSeq (they are not news for the citizen side): mentions go by upTo.
    const mentions = await markConversationMentionsRead(tx, actor.id, conversation.id, upTo, now)
    if (mentions > 0) await publishInboxEvent(tx, conversation, 'mentions-read', { mentioned: [actor.id] })
    const target = Math.min(upTo, conversation.lastMessageSeq)
    if (target <= conversation.staffReadSeq) return
    await tx.update(conversations).set({ staffReadSeq: target }).where(eq(conversations.id, conversation.id))
    await publishConversationEvent(tx, conversation.id, 'read', { by: 'staff', upTo: target })
    await publishInboxEvent(tx, conversation, 'read')
  })
}
