import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '@/db/client'
import { conversations, staffChatSettings, type Conversation } from '@/db/schema/chat'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import type { RequestContext, StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { AppError } from '../errors'
import { assertChatStaff, assertStaffCanSee, canStaffSee } from './access'
import { auditChatAssignment } from './chat-audit'
import { listOnlineStaff } from './staff-presence'
import { publishConversationEvent, publishInboxEvent } from './write-message'

export type AssignTarget = { kind: 'me' } | { kind: 'staff'; staffId: string } | { kind: 'office'; officeId: number | null } | { kind: 'round-robin' }

/**
 * Takes a chat, gives it to a colleague or an office, or lets Filo choose: round-robin
 * among colleagues online now and under their limit of open chats, the one served longest
 * ago first. Returns who holds it afterwards. Every change of hands goes to the audit log.
 */
export async function assignConversation({
  actor,
  conversationId,
  target,
  now = new Date(),
  context = { ip: null },
}: {
  actor: StaffActor
  conversationId: string
  target: AssignTarget
  now?: Date
  context?: RequestContext
}): Promise<{ assigneeId: string | null; officeId: number | null }> {
  assertChatStaff(actor)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update')
    assertStaffCanSee(actor, conversation)
    if (!conversation) throw new Error('unreachable')
    let assigneeId: string | null = conversation.assigneeId
    let officeId: number | null = conversation.officeId
    if (target.kind === 'me') {
      assigneeId = actor.id
      if (actor.role === 'office') officeId = actor.officeId
    } else if (target.kind === 'staff') {
      const [person] = await tx
        .select({ id: staffUsers.id, role: staffUsers.role, officeId: staffUsers.officeId })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, target.staffId), eq(staffUsers.active, true), inArray(staffUsers.role, ['admin', 'operator', 'office'])))
      if (!person) throw new AppError('invalid_input', 'Questo collega non può ricevere chat.')
      assigneeId = person.id
      if (person.role === 'office') officeId = person.officeId
    } else if (target.kind === 'office') {
      // Office staff may pass a chat on to another office, as a counter sends a visitor along.
      if (target.officeId !== null) {
        const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, target.officeId))
        if (!office) throw new AppError('invalid_input', 'Ufficio non trovato.')
      }
      officeId = target.officeId
      // The person holding it keeps it only if they belong to the new office (or see every office).
      if (assigneeId) {
        const [holder] = await tx.select({ role: staffUsers.role, officeId: staffUsers.officeId }).from(staffUsers).where(eq(staffUsers.id, assigneeId))
        if (!holder || (holder.role === 'office' && holder.officeId !== officeId)) assigneeId = null
      }
    } else {
      const chosen = await pickRoundRobin(tx, conversation, now)
      if (!chosen) throw new AppError('conflict', 'Nessun collega è online con posto libero: prendi tu la chat o riprova tra poco.')
      assigneeId = chosen
    }
    const changed = await applyAssignment(tx, conversation, { assigneeId, officeId }, now)
    if (changed) await auditChatAssignment(tx, actor, conversation, { assigneeId, officeId }, target.kind, context)
    return { assigneeId, officeId }
  })
}

export async function applyAssignment(
  tx: Tx,
  conversation: Conversation,
  next: { assigneeId: string | null; officeId: number | null },
  now: Date,
): Promise<boolean> {
  if (next.assigneeId === conversation.assigneeId && next.officeId === conversation.officeId) return false
  await tx.update(conversations).set({ ...next, updatedAt: now }).where(eq(conversations.id, conversation.id))
  if (next.assigneeId && next.assigneeId !== conversation.assigneeId) {
    await tx
      .insert(staffChatSettings)
      .values({ staffId: next.assigneeId, lastAssignedAt: now })
      .onConflictDoUpdate({ target: staffChatSettings.staffId, set: { lastAssignedAt: now } })
  }
  await publishConversationEvent(tx, conversation.id, 'assigned', { assigneeId: next.assigneeId, officeId: next.officeId, internal: true })
  await publishInboxEvent(tx, { id: conversation.id, ...next }, 'assigned', {
    previousOfficeId: conversation.officeId,
    previousAssigneeId: conversation.assigneeId,
  })
  return true
}

/** Online, under their limit, able to see the chat; whoever was given one longest ago. */
export async function pickRoundRobin(tx: Tx, conversation: Conversation, now: Date): Promise<string | null> {
  const online = await listOnlineStaff(tx, now)
  const candidates = online
    .filter((s) => s.open < s.max && s.id !== conversation.assigneeId)
    .filter((s) => canStaffSee({ kind: 'staff', id: s.id, email: '', name: s.name, role: s.role as StaffActor['role'], officeId: s.officeId }, conversation))
    .sort((a, b) => (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) || a.id.localeCompare(b.id))
  return candidates[0]?.id ?? null
}
