import 'server-only'
import { and, eq, gt, sql } from 'drizzle-orm'
import { chatAttachments, chatMessages, conversations } from '@/db/schema/chat'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { formatOpeningState, type OpeningState } from '../offices/opening-state-shared'
import { romeWallClock } from '../time/rome-clock'
import { getChatOpeningState } from './chat-hours'
import { lockCitizenConversation } from './citizen-conversation'
import type { SendMessageInput } from './schemas'
import { publishConversationEvent, publishInboxEvent, writeMessage } from './write-message'

export type SendResult = { conversationId: string; messageId: number; seq: number; duplicate: boolean; autoReply: boolean }

/**
 * A citizen's message. Sent again with the same clientId (a retry after a lost answer, the
 * offline outbox) it is recognised and not written twice. Outside opening hours the chat
 * waits as "pending" for the next opening, and the citizen gets one automatic reply per day
 * saying when staff will answer. A new message reopens a resolved or snoozed chat.
 */
export async function sendCitizenMessage({
  actor,
  input,
  now = new Date(),
}: {
  actor: CitizenActor
  input: SendMessageInput
  now?: Date
}): Promise<SendResult> {
  const db = await getDb()
  const env = getEnv()
  const opening = await getChatOpeningState(db, now)
  return db.transaction(async (tx) => {
    const conversation = await lockCitizenConversation(tx, actor.id)
    const [existing] = await tx
      .select({ id: chatMessages.id, seq: chatMessages.seq })
      .from(chatMessages)
      .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.clientId, input.clientId)))
    if (existing) return { conversationId: conversation.id, messageId: existing.id, seq: existing.seq, duplicate: true, autoReply: false }

    const [recent] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.conversationId, conversation.id),
          eq(chatMessages.authorType, 'citizen'),
          gt(chatMessages.createdAt, new Date(now.getTime() - 60_000)),
        ),
      )
    if ((recent?.n ?? 0) >= env.FILO_CHAT_MAX_MESSAGES_PER_MINUTE) {
      throw new AppError('throttled', 'Stai inviando molti messaggi in poco tempo: aspetta un minuto e riprova.')
    }

    if (input.attachmentId) {
      const [attachment] = await tx
        .select({ contentType: chatAttachments.contentType, used: sql<boolean>`exists (select 1 from chat_messages m where m.attachment_id = chat_attachments.id)` })
        .from(chatAttachments)
        .where(and(eq(chatAttachments.id, input.attachmentId), eq(chatAttachments.conversationId, conversation.id)))
      const expected = input.kind === 'image' ? 'image/' : 'video/'
      if (!attachment || attachment.used || !attachment.contentType.startsWith(expected)) {
        throw new AppError('invalid_input', 'Allegato non valido: caricalo di nuovo.')
      }
    }

    const written = await writeMessage(tx, conversation.id, {
      authorType: 'citizen',
      kind: input.kind,
      body: input.body,
      latitude: input.kind === 'location' ? input.latitude : null,
      longitude: input.kind === 'location' ? input.longitude : null,
      attachmentId: input.attachmentId ?? null,
      clientId: input.clientId,
      createdAt: now,
    })

    const today = romeWallClock(now).date
    const closed = opening.status === 'closed'
    const autoReply = closed && conversation.autoReplyDate !== today
    let lastSeq = written.seq
    if (autoReply) {
      const reply = await writeMessage(tx, conversation.id, {
        authorType: 'system',
        kind: 'auto_reply',
        body: autoReplyText(opening, actor.locale),
        createdAt: now,
      })
      lastSeq = reply.seq
    }

    const status = closed ? (conversation.status === 'open' && conversation.assigneeId ? 'open' : 'pending') : 'open'
    const reopened = conversation.status !== status
    await tx
      .update(conversations)
      .set({
        status,
        snoozedUntil: null,
        resolvedAt: null,
        waitingSince: conversation.waitingSince ?? now,
        lastMessageSeq: lastSeq,
        lastMessageAt: now,
        autoReplyDate: autoReply ? today : conversation.autoReplyDate,
        citizenReadSeq: lastSeq,
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id))
    if (reopened) await publishConversationEvent(tx, conversation.id, 'status', { status })
    await publishInboxEvent(tx, conversation, conversation.lastMessageAt ? 'message' : 'new')
    return { conversationId: conversation.id, messageId: written.id, seq: written.seq, duplicate: false, autoReply }
  })
}

/** "Ciao! Ora la chat è chiusa: ti rispondiamo lunedì alle 8:30…" */
export function autoReplyText(opening: OpeningState, locale: 'it' | 'en'): string {
  const state = formatOpeningState(opening, locale)
  const when = state.replace(/^(Chiuso|Closed),?\s*/, '')
  if (locale === 'en') {
    return `Hi! The chat is closed right now${when ? ` (${when})` : ''}. Your message is safe: the Comune's staff will answer you as soon as they are back.`
  }
  return `Ciao! In questo momento la chat è chiusa${when ? ` (${when})` : ''}. Il tuo messaggio è al sicuro: il personale del Comune ti risponde appena rientra.`
}
