import { describe, expect, it } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import { staffChatSettings } from '@/db/schema/chat'
import { auditLog } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { assignConversation } from './assign-conversation'
import { citizenLabel } from './schemas'
import { sendCitizenMessage } from './send-citizen-message'
import { sendStaffMessage } from './send-staff-message'
import { setConversationStatus } from './set-conversation-status'
import { recordStaffHeartbeat } from './staff-presence'
import { setupChatTest } from './chat-test-setup'

const { database, newCitizen } = setupChatTest((staff) => ({ operator, admin, office } = staff))
const MONDAY_9 = new Date('2026-11-23T08:00:00Z')
let operator: StaffActor
let admin: StaffActor
let office: StaffActor
let n = 0
const text = (body: string) => ({ clientId: `audit-${Date.now().toString(36)}-${n++}`, kind: 'text' as const, body })

async function trail(conversationId: string) {
  return database
    .current()
    .db.select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'conversation'), eq(auditLog.targetId, conversationId)))
    .orderBy(asc(auditLog.id))
}


describe('chat assignments in the audit log', () => {
  it('taking, giving to a colleague, passing to an office and the round-robin choice are each recorded with who, whom and how', async () => {
    const citizen = await newCitizen()
    const { conversationId } = await sendCitizenMessage({ actor: citizen, input: text('Chi mi risponde?'), now: MONDAY_9 })

    await assignConversation({ actor: operator, conversationId, target: { kind: 'me' }, now: MONDAY_9, context: { ip: '203.0.113.7' } })
    await assignConversation({ actor: operator, conversationId, target: { kind: 'staff', staffId: admin.id }, now: MONDAY_9 })
    await assignConversation({ actor: admin, conversationId, target: { kind: 'office', officeId: office.officeId }, now: MONDAY_9 })
    const now = new Date()
    await database.current().db.delete(staffChatSettings)
    await recordStaffHeartbeat(office, now)
    const picked = await assignConversation({ actor: operator, conversationId, target: { kind: 'round-robin' }, now })
    expect(picked.assigneeId).toBe(office.id)
    // Nothing changes hands: nothing to record.
    await assignConversation({ actor: office, conversationId, target: { kind: 'me' }, now })

    const entries = await trail(conversationId)
    expect(entries.map((e) => [e.action, e.actorId, e.details.mode, e.details.assigneeId])).toEqual([
      ['chat.assign', operator.id, 'me', operator.id],
      ['chat.assign', operator.id, 'staff', admin.id],
      // An admin sees every office: passing the chat to an office, they keep holding it.
      ['chat.assign', admin.id, 'office', admin.id],
      ['chat.assign', operator.id, 'round-robin', office.id],
    ])
    expect(entries[0]).toMatchObject({ ip: '203.0.113.7', actorLabel: `${operator.name} <${operator.email}>` })
    expect(entries[0]!.details).toMatchObject({ name: citizenLabel(citizen.id), assignee: operator.name, previousAssigneeId: null })
    expect(entries[1]!.details).toMatchObject({ assignee: admin.name, previousAssigneeId: operator.id })
    expect(entries[2]!.details).toMatchObject({ officeId: office.officeId, office: expect.any(String), previousAssigneeId: admin.id })
    expect(entries[3]!.details).toMatchObject({ assignee: office.name, officeId: office.officeId })
  })

  it('a reply that takes an unassigned chat is recorded; later replies are not', async () => {
    const { conversationId } = await sendCitizenMessage({ actor: await newCitizen(), input: text('C’è qualcuno?'), now: MONDAY_9 })
    await sendStaffMessage({ actor: operator, conversationId, input: text('Eccomi!'), now: MONDAY_9 })
    await sendStaffMessage({ actor: operator, conversationId, input: text('Dimmi pure.'), now: MONDAY_9 })
    const entries = await trail(conversationId)
    expect(entries.map((e) => [e.action, e.details.mode, e.details.assigneeId])).toEqual([['chat.assign', 'reply', operator.id]])
  })

  it('resolve, reopen and snooze are recorded; a refused change leaves no entry', async () => {
    const { conversationId } = await sendCitizenMessage({ actor: await newCitizen(), input: text('Grazie di tutto'), now: MONDAY_9 })
    const until = new Date(MONDAY_9.getTime() + 3_600_000)
    await setConversationStatus({ actor: operator, conversationId, change: { kind: 'snooze', until }, now: MONDAY_9 })
    await setConversationStatus({ actor: operator, conversationId, change: { kind: 'reopen' }, now: MONDAY_9 })
    await setConversationStatus({ actor: admin, conversationId, change: { kind: 'resolve' }, now: MONDAY_9 })
    // Office staff of another office cannot touch it, and the log says nothing about them.
    await expect(setConversationStatus({ actor: office, conversationId, change: { kind: 'reopen' }, now: MONDAY_9 })).rejects.toMatchObject({ code: 'not_found' })
    const entries = await trail(conversationId)
    expect(entries.map((e) => [e.action, e.actorId, e.details.previousStatus])).toEqual([
      ['chat.snooze', operator.id, 'open'],
      ['chat.reopen', operator.id, 'snoozed'],
      ['chat.resolve', admin.id, 'open'],
    ])
    expect(entries[0]!.details.until).toBe(until.toISOString())
  })
})
