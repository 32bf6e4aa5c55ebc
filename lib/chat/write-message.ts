import 'server-only'
import type { DbOrTx } from '@/db/client'
import { chatMessages, type ChatMessageKind } from '@/db/schema/chat'
import { appendEvent, nextSeq, publish } from '../realtime/publish'
import type { RealtimeData } from '../realtime/events-shared'
import { CHAT_INBOX_CHANNEL, conversationChannel } from './schemas'

/**
 * Adds a message to a conversation at its next sequence number and announces it (ids only)
 * on the conversation's channel, in the caller's transaction. Private notes are marked
 * internal so citizens' streams skip them.
 */
export async function writeMessage(
  tx: DbOrTx,
  conversationId: string,
  message: {
    authorType: 'citizen' | 'staff' | 'system'
    staffId?: string | null
    kind: ChatMessageKind
    body?: string
    latitude?: number | null
    longitude?: number | null
    attachmentId?: string | null
    clientId?: string | null
    mentions?: string[]
    responseSeconds?: number | null
    createdAt?: Date
  },
): Promise<{ id: number; seq: number }> {
  const channel = conversationChannel(conversationId)
  const seq = await nextSeq(tx, channel)
  const [row] = await tx
    .insert(chatMessages)
    .values({
      conversationId,
      seq,
      authorType: message.authorType,
      staffId: message.staffId ?? null,
      kind: message.kind,
      body: message.body ?? '',
      latitude: message.latitude ?? null,
      longitude: message.longitude ?? null,
      attachmentId: message.attachmentId ?? null,
      clientId: message.clientId ?? null,
      mentions: message.mentions ?? [],
      responseSeconds: message.responseSeconds ?? null,
      ...(message.createdAt ? { createdAt: message.createdAt } : {}),
    })
    .returning({ id: chatMessages.id })
  if (!row) throw new Error('chat message insert returned nothing')
  await appendEvent(tx, {
    channel,
    seq,
    type: 'message',
    data: { messageId: row.id, author: message.authorType, ...(message.kind === 'note' ? { internal: true } : {}) },
  })
  return { id: row.id, seq }
}

/** A conversation-level change on its own channel (status, assignment, read receipts). */
export function publishConversationEvent(tx: DbOrTx, conversationId: string, type: string, data: RealtimeData): Promise<number> {
  return publish(tx, conversationChannel(conversationId), type, data)
}

/** Tells every console that a conversation changed; the office decides who may see it. */
export function publishInboxEvent(
  tx: DbOrTx,
  conversation: { id: string; officeId: number | null; assigneeId: string | null },
  reason: string,
  extra: RealtimeData = {},
): Promise<number> {
  return publish(tx, CHAT_INBOX_CHANNEL, 'conversation', {
    conversationId: conversation.id,
    officeId: conversation.officeId,
    assigneeId: conversation.assigneeId,
    reason,
    ...extra,
  })
}
