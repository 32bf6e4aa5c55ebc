import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { chatAttachments, chatMentions, chatMessages, conversations, staffChatSettings } from '@/db/schema/chat'
import type { Tx } from '@/db/client'
import { citizens } from '@/db/schema/citizens'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { AppError } from '../errors'
import { notify } from '../notify/notify'
import { assertChatStaff, assertStaffCanSee } from './access'
import { auditChatAssignment } from './chat-audit'
import { findMentionTokens, type StaffMessageInput } from './schemas'
import { publishConversationEvent, publishInboxEvent, writeMessage } from './write-message'

/** A citizen with a stream this recent has the chat open: no push for them. */
const PRESENT_MS = 45_000

/**
 * A staff reply (or a private note). A reply answers the waiting citizen (its wait is kept
 * for the figures), takes an unassigned chat, and reaches the citizen live, or by push and
 * inbox when their app is closed. A note is never shown to the citizen; its @mentions
 * notify the colleagues named.
 */
export async function sendStaffMessage({
  actor,
  conversationId,
  input,
  now = new Date(),
}: {
  actor: StaffActor
  conversationId: string
  input: StaffMessageInput
  now?: Date
}): Promise<{ messageId: number; seq: number; duplicate: boolean; mentioned: string[] }> {
  assertChatStaff(actor)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update')
    assertStaffCanSee(actor, conversation)
    if (!conversation) throw new Error('unreachable')
    const [existing] = await tx
      .select({ id: chatMessages.id, seq: chatMessages.seq })
      .from(chatMessages)
      .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.clientId, input.clientId)))
    if (existing) return { messageId: existing.id, seq: existing.seq, duplicate: true, mentioned: [] }

    if (input.attachmentId) {
      const [attachment] = await tx
        .select({ contentType: chatAttachments.contentType })
        .from(chatAttachments)
        .where(and(eq(chatAttachments.id, input.attachmentId), eq(chatAttachments.conversationId, conversation.id)))
      if (!attachment || !attachment.contentType.startsWith(input.kind === 'image' ? 'image/' : 'video/'))
        throw new AppError('invalid_input', 'Allegato non valido: caricalo di nuovo.')
    }

    if (input.kind === 'note') {
      const mentioned = await resolveMentions(tx, input.body, actor.id)
      const written = await writeMessage(tx, conversation.id, {
        authorType: 'staff',
        staffId: actor.id,
        kind: 'note',
        body: input.body,
        clientId: input.clientId,
        mentions: mentioned,
        createdAt: now,
      })
      if (mentioned.length > 0) {
        // Kept until read: a colleague who is not online now finds it at their next sign-in.
        await tx
          .insert(chatMentions)
          .values(mentioned.map((staffId) => ({ staffId, conversationId: conversation.id, messageId: written.id, seq: written.seq, createdAt: now })))
          .onConflictDoNothing()
      }
      await publishInboxEvent(tx, conversation, 'note', { mentioned, by: actor.id })
      return { messageId: written.id, seq: written.seq, duplicate: false, mentioned }
    }

    const responseSeconds = conversation.waitingSince ? Math.max(0, Math.round((now.getTime() - conversation.waitingSince.getTime()) / 1000)) : null
    const written = await writeMessage(tx, conversation.id, {
      authorType: 'staff',
      staffId: actor.id,
      kind: input.kind,
      body: input.body,
      attachmentId: input.attachmentId ?? null,
      clientId: input.clientId,
      responseSeconds,
      createdAt: now,
    })
    const assigneeId = conversation.assigneeId ?? actor.id
    const status = 'open' as const
    await tx
      .update(conversations)
      .set({
        status,
        assigneeId,
        snoozedUntil: null,
        resolvedAt: null,
        waitingSince: null,
        escalatedAt: null,
        firstResponseAt: conversation.firstResponseAt ?? now,
        staffReadSeq: written.seq,
        lastMessageSeq: written.seq,
        lastMessageAt: now,
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id))
    if (!conversation.assigneeId) {
      await tx
        .insert(staffChatSettings)
        .values({ staffId: actor.id, lastAssignedAt: now })
        .onConflictDoUpdate({ target: staffChatSettings.staffId, set: { lastAssignedAt: now } })
      await publishConversationEvent(tx, conversation.id, 'assigned', { assigneeId, internal: true })
      await auditChatAssignment(tx, actor, conversation, { assigneeId, officeId: conversation.officeId }, 'reply')
    }
    if (conversation.status !== status) await publishConversationEvent(tx, conversation.id, 'status', { status })
    await publishConversationEvent(tx, conversation.id, 'read', { by: 'staff', upTo: written.seq })

    const away = !conversation.citizenSeenAt || now.getTime() - conversation.citizenSeenAt.getTime() > PRESENT_MS
    if (away) {
      const [citizen] = await tx.select({ locale: citizens.locale }).from(citizens).where(eq(citizens.id, conversation.citizenId))
      const en = citizen?.locale === 'en'
      const body =
        input.kind === 'text' ? input.body.slice(0, 140) : input.kind === 'image' ? (en ? 'Photo' : 'Foto') : en ? 'Video' : 'Video'
      await notify(tx, {
        kind: 'chat',
        title: en ? 'New reply from the Comune' : 'Nuova risposta dal Comune',
        body,
        url: '/chat',
        audience: { citizenId: conversation.citizenId },
        sourceType: 'chat',
        sourceId: conversation.id,
        createdBy: actor.id,
      })
    }
    await publishInboxEvent(tx, { ...conversation, assigneeId }, 'reply')
    return { messageId: written.id, seq: written.seq, duplicate: false, mentioned: [] }
  })
}

/** Active chat colleagues named in the note ("@maria" matches Maria Rossi and maria.rossi@…). */
async function resolveMentions(tx: Tx, body: string, authorId: string): Promise<string[]> {
  const tokens = findMentionTokens(body)
  if (tokens.length === 0) return []
  const staff = await tx
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), inArray(staffUsers.role, ['admin', 'operator', 'office']), sql`${staffUsers.id} <> ${authorId}`))
  const found = new Set<string>()
  for (const token of tokens) {
    for (const person of staff) {
      const first = person.name.split(/\s+/)[0]?.toLowerCase() ?? ''
      const compact = person.name.toLowerCase().replace(/\s+/g, '.')
      const local = person.email.split('@')[0]?.toLowerCase() ?? ''
      if (token === first || token === compact || token === local) found.add(person.id)
    }
  }
  return [...found]
}
