import 'server-only'
import { eq } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import type { RequestContext, StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { AppError } from '../errors'
import { assertChatStaff, assertStaffCanSee } from './access'
import { auditChatStatus } from './chat-audit'
import { publishConversationEvent, publishInboxEvent } from './write-message'

export type StatusChange = { kind: 'resolve' } | { kind: 'reopen' } | { kind: 'snooze'; until: Date }

/**
 * Resolve, reopen, or snooze until a time (the chat comes back by itself, or with the
 * citizen's next message). Recorded in the audit log.
 */
export async function setConversationStatus({
  actor,
  conversationId,
  change,
  now = new Date(),
  context = { ip: null },
}: {
  actor: StaffActor
  conversationId: string
  change: StatusChange
  now?: Date
  context?: RequestContext
}): Promise<void> {
  assertChatStaff(actor)
  if (change.kind === 'snooze' && change.until.getTime() <= now.getTime()) {
    throw new AppError('invalid_input', 'Scegli un momento futuro.', { until: 'Scegli un momento futuro.' })
  }
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update')
    assertStaffCanSee(actor, conversation)
    if (!conversation) return
    const status = change.kind === 'resolve' ? 'resolved' : change.kind === 'snooze' ? 'snoozed' : 'open'
    await tx
      .update(conversations)
      .set({
        status,
        snoozedUntil: change.kind === 'snooze' ? change.until : null,
        resolvedAt: change.kind === 'resolve' ? now : null,
        ...(change.kind === 'resolve' ? { waitingSince: null, escalatedAt: null } : {}),
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id))
    await publishConversationEvent(tx, conversation.id, 'status', { status })
    await publishInboxEvent(tx, conversation, 'status')
    await auditChatStatus(tx, actor, conversation, change.kind === 'snooze' ? { kind: 'snooze', until: change.until } : change, context)
  })
}
