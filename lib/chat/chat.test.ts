import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { chatMessages, conversations, staffChatSettings } from '@/db/schema/chat'
import { inboxItems, notifications } from '@/db/schema/notifications'
import type { StaffActor } from '../auth/actor'
import type { RealtimeEvent } from '../realtime/events-shared'
import { getHub } from '../realtime/hub'
import { openSubscription } from '../realtime/subscription'
import { assignConversation } from './assign-conversation'
import { sweepConversations } from './chat-sweep'
import { listInbox } from './list-inbox'
import { listMessagesForCitizen, listMessagesForStaff } from './list-messages'
import { markReadByCitizen } from './mark-read'
import { getQueueState } from './queue-state'
import { conversationChannel } from './schemas'
import { sendCitizenMessage } from './send-citizen-message'
import { sendStaffMessage } from './send-staff-message'
import { setConversationStatus } from './set-conversation-status'
import { recordStaffHeartbeat } from './staff-presence'
import { setupChatTest } from './chat-test-setup'

const { database, newCitizen } = setupChatTest((staff) => ({ operator, admin, office } = staff))

/** Rome times (winter, UTC+1). Monday 23 November 2026 is a working day; the 28th is a Saturday. */
const MONDAY_9 = new Date('2026-11-23T08:00:00Z')
const SATURDAY_10 = new Date('2026-11-28T09:00:00Z')
const SATURDAY_18 = new Date('2026-11-28T17:00:00Z')
const SUNDAY_10 = new Date('2026-11-29T09:00:00Z')
const NEXT_MONDAY_9 = new Date('2026-11-30T08:00:00Z')
const CHRISTMAS_10 = new Date('2026-12-25T09:00:00Z')

let operator: StaffActor
let admin: StaffActor
let office: StaffActor
let n = 0
const id = () => `client-${Date.now().toString(36)}-${n++}`

const text = (body: string, clientId = id()) => ({ clientId, kind: 'text' as const, body })
async function until(check: () => boolean, ms = 10_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}


describe('chat sequencing and resume', () => {
  it('a citizen whose stream drops mid-conversation gets every missed message on reconnect, once, and never a private note', async () => {
    const citizen = await newCitizen()
    const { db } = database.current()
    const first = await sendCitizenMessage({ actor: citizen, input: text('Buongiorno, il lampione di via Roma è spento'), now: MONDAY_9 })
    const channel = conversationChannel(first.conversationId)
    const hub = await getHub()
    const received: RealtimeEvent[] = []
    let lastId = ''
    const visible = (e: RealtimeEvent) => e.data.internal !== true
    const open = (cursor: number) =>
      openSubscription({ db, hub, channels: [{ channel, cursor, visible }], send: (e, c) => (received.push(e), (lastId = c)) })

    const page = await listMessagesForCitizen(citizen)
    const sub1 = open(page.cursor)
    await sub1.ready
    await sendStaffMessage({ actor: operator, conversationId: first.conversationId, input: text('Ciao! Grazie, segnalo subito.'), now: MONDAY_9 })
    await sendStaffMessage({ actor: operator, conversationId: first.conversationId, input: { clientId: id(), kind: 'note', body: '@paolo puoi verificare?' }, now: MONDAY_9 })
    await until(() => received.filter((e) => e.type === 'message').length >= 1)
    // The phone loses its connection; the chat goes on without it.
    sub1.close()
    await sendStaffMessage({ actor: operator, conversationId: first.conversationId, input: text('Domani passa la squadra.'), now: MONDAY_9 })
    await sendCitizenMessage({ actor: citizen, input: text('Grazie mille!'), now: MONDAY_9 })
    await sendStaffMessage({ actor: operator, conversationId: first.conversationId, input: text('Figurati!'), now: MONDAY_9 })

    const sub2 = open(Number(lastId))
    await sub2.ready
    await sendStaffMessage({ actor: operator, conversationId: first.conversationId, input: text('Buona giornata'), now: MONDAY_9 })
    await until(() => received.filter((e) => e.type === 'message').length >= 5)
    await new Promise((r) => setTimeout(r, 150))
    sub2.close()

    const seqs = received.map((e) => e.seq!)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    const messageIds = received.filter((e) => e.type === 'message').map((e) => e.data.messageId)
    const inDb = await db
      .select({ id: chatMessages.id, kind: chatMessages.kind })
      .from(chatMessages)
      .where(eq(chatMessages.conversationId, first.conversationId))
      .orderBy(chatMessages.seq)
    const citizenVisible = inDb.filter((m) => m.kind !== 'note' && m.id !== first.messageId).map((m) => m.id)
    expect(messageIds).toEqual(citizenVisible)
    expect(inDb.some((m) => m.kind === 'note')).toBe(true)
    const citizenPage = await listMessagesForCitizen(citizen)
    expect(citizenPage.messages.some((m) => m.kind === 'note')).toBe(false)
    const staffPage = await listMessagesForStaff(operator, first.conversationId)
    expect(staffPage.messages.filter((m) => m.kind === 'note')).toHaveLength(1)
  })

  it('the same message sent twice (a retry from the offline outbox) is kept once', async () => {
    const citizen = await newCitizen()
    const clientId = id()
    const a = await sendCitizenMessage({ actor: citizen, input: text('Scritto senza rete', clientId), now: MONDAY_9 })
    const b = await sendCitizenMessage({ actor: citizen, input: text('Scritto senza rete', clientId), now: MONDAY_9 })
    expect(b).toMatchObject({ messageId: a.messageId, duplicate: true })
    const page = await listMessagesForCitizen(citizen)
    expect(page.messages.filter((m) => m.clientId === clientId)).toHaveLength(1)
  })

  it('a flood from one device is slowed with a clear message', async () => {
    const citizen = await newCitizen()
    for (let i = 0; i < 20; i++) await sendCitizenMessage({ actor: citizen, input: text(`spam ${i}`), now: MONDAY_9 })
    await expect(sendCitizenMessage({ actor: citizen, input: text('ancora'), now: MONDAY_9 })).rejects.toMatchObject({
      code: 'throttled',
      message: expect.stringContaining('aspetta un minuto'),
    })
    // A minute later it goes through.
    await sendCitizenMessage({ actor: citizen, input: text('dopo un minuto'), now: new Date(MONDAY_9.getTime() + 61_000) })
  })

  it('a staff reply reaches a citizen who is away by push and inbox', async () => {
    const citizen = await newCitizen()
    const sent = await sendCitizenMessage({ actor: citizen, input: text('C’è qualcuno?'), now: MONDAY_9 })
    await sendStaffMessage({ actor: operator, conversationId: sent.conversationId, input: text('Sì, dimmi pure'), now: MONDAY_9 })
    const { db } = database.current()
    const inbox = await db
      .select({ title: notifications.title, body: notifications.body, url: notifications.url })
      .from(inboxItems)
      .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
      .where(eq(inboxItems.citizenId, citizen.id))
    expect(inbox).toEqual([{ title: 'Nuova risposta dal Comune', body: 'Sì, dimmi pure', url: '/chat' }])
  })

  it('read receipts never run past the last message', async () => {
    const citizen = await newCitizen()
    const sent = await sendCitizenMessage({ actor: citizen, input: text('ciao'), now: MONDAY_9 })
    const reply = await sendStaffMessage({ actor: operator, conversationId: sent.conversationId, input: text('ciao!'), now: MONDAY_9 })
    await markReadByCitizen(citizen, 10_000)
    const [c] = await database.current().db.select().from(conversations).where(eq(conversations.id, sent.conversationId))
    expect(c!.lastMessageSeq).toBe(reply.seq)
    expect(c!.citizenReadSeq).toBe(reply.seq)
  })
})

describe('opening hours and the automatic reply', () => {
  it('inside opening hours the chat is open and nobody answers automatically', async () => {
    const citizen = await newCitizen()
    const sent = await sendCitizenMessage({ actor: citizen, input: text('Buongiorno'), now: MONDAY_9 })
    expect(sent.autoReply).toBe(false)
    const page = await listMessagesForCitizen(citizen)
    expect(page.status).toBe('open')
    expect(page.messages.map((m) => m.kind)).toEqual(['text'])
  })

  it('outside them the chat waits as pending and gets one automatic reply per day, saying when staff answer', async () => {
    const citizen = await newCitizen()
    expect((await sendCitizenMessage({ actor: citizen, input: text('Sabato mattina'), now: SATURDAY_10 })).autoReply).toBe(true)
    expect((await sendCitizenMessage({ actor: citizen, input: text('Sabato sera'), now: SATURDAY_18 })).autoReply).toBe(false)
    expect((await sendCitizenMessage({ actor: citizen, input: text('Domenica'), now: SUNDAY_10 })).autoReply).toBe(true)
    const page = await listMessagesForCitizen(citizen)
    expect(page.status).toBe('pending')
    const replies = page.messages.filter((m) => m.kind === 'auto_reply')
    expect(replies).toHaveLength(2)
    expect(replies[0]!.body).toContain('riapre lunedì alle 8:30')
    const state = await getQueueState(citizen, SUNDAY_10)
    expect(state).toMatchObject({ open: false, waiting: true, hoursText: 'Chiuso, riapre domani alle 8:30', estimatedMinutes: null })
  })

  it('national holidays are closed days', async () => {
    const citizen = await newCitizen()
    expect((await sendCitizenMessage({ actor: citizen, input: text('Buon Natale'), now: CHRISTMAS_10 })).autoReply).toBe(true)
  })

  it('pending chats open when the chat opens', async () => {
    const citizen = await newCitizen()
    const sent = await sendCitizenMessage({ actor: citizen, input: text('Weekend'), now: SATURDAY_10 })
    await sweepConversations(SUNDAY_10)
    const { db } = database.current()
    const status = async () => (await db.select().from(conversations).where(eq(conversations.id, sent.conversationId)))[0]!.status
    expect(await status()).toBe('pending')
    await sweepConversations(NEXT_MONDAY_9)
    expect(await status()).toBe('open')
  })
})

describe('queue position', () => {
  it('counts the chats waiting longer, and estimates from recent first responses', async () => {
    const { db } = database.current()
    // Clear earlier waits so this test reads its own queue.
    await db.update(conversations).set({ waitingSince: null })
    const a = await newCitizen()
    const b = await newCitizen()
    await sendCitizenMessage({ actor: a, input: text('primo'), now: new Date(MONDAY_9.getTime() + 1000) })
    await sendCitizenMessage({ actor: b, input: text('secondo'), now: new Date(MONDAY_9.getTime() + 2000) })
    const stateA = await getQueueState(a, MONDAY_9)
    const stateB = await getQueueState(b, MONDAY_9)
    expect(stateA).toMatchObject({ open: true, waiting: true, position: 1 })
    expect(stateB).toMatchObject({ waiting: true, position: 2 })
    expect(stateB.estimatedMinutes).toBeGreaterThanOrEqual(stateA.estimatedMinutes!)
  })
})

describe('assignment and escalation', () => {
  it('an unassigned chat waiting longer than the limit is escalated once; an assigned one is not', async () => {
    const { db } = database.current()
    const lonely = await sendCitizenMessage({ actor: await newCitizen(), input: text('aiuto'), now: MONDAY_9 })
    const taken = await sendCitizenMessage({ actor: await newCitizen(), input: text('aiuto'), now: MONDAY_9 })
    await assignConversation({ actor: operator, conversationId: taken.conversationId, target: { kind: 'me' }, now: MONDAY_9 })
    const early = await sweepConversations(new Date(MONDAY_9.getTime() + 5 * 60_000))
    expect(early.escalated).toBe(0)
    const late = await sweepConversations(new Date(MONDAY_9.getTime() + 11 * 60_000))
    expect(late.escalated).toBeGreaterThanOrEqual(1)
    const again = await sweepConversations(new Date(MONDAY_9.getTime() + 12 * 60_000))
    expect(again.escalated).toBe(0)
    const rows = await db.select().from(conversations).where(eq(conversations.id, lonely.conversationId))
    expect(rows[0]!.escalatedAt).not.toBeNull()
    const other = await db.select().from(conversations).where(eq(conversations.id, taken.conversationId))
    expect(other[0]!.escalatedAt).toBeNull()
    const inbox = await listInbox(operator, { view: 'unassigned' })
    expect(inbox[0]!.escalated).toBe(true)
  })

  it('round-robin gives the chat to an online colleague under their limit, the one served longest ago first', async () => {
    const { db } = database.current()
    const now = new Date()
    await db.delete(staffChatSettings)
    await recordStaffHeartbeat(operator, now)
    await recordStaffHeartbeat(admin, now)
    // Earlier tests left the operator holding several chats: a roomy limit for both.
    await db.update(staffChatSettings).set({ maxOpenChats: 50 })
    await db.update(staffChatSettings).set({ lastAssignedAt: new Date(now.getTime() - 3_600_000) }).where(eq(staffChatSettings.staffId, admin.id))
    await db.update(staffChatSettings).set({ lastAssignedAt: new Date(now.getTime() - 60_000) }).where(eq(staffChatSettings.staffId, operator.id))
    const one = await sendCitizenMessage({ actor: await newCitizen(), input: text('uno'), now })
    const r1 = await assignConversation({ actor: operator, conversationId: one.conversationId, target: { kind: 'round-robin' }, now })
    expect(r1.assigneeId).toBe(admin.id)
    const two = await sendCitizenMessage({ actor: await newCitizen(), input: text('due'), now })
    const r2 = await assignConversation({ actor: operator, conversationId: two.conversationId, target: { kind: 'round-robin' }, now })
    expect(r2.assigneeId).toBe(operator.id)
    // At their limit, nobody else online: Filo says so instead of overloading someone.
    await db.update(staffChatSettings).set({ maxOpenChats: 0 })
    const three = await sendCitizenMessage({ actor: await newCitizen(), input: text('tre'), now })
    await expect(assignConversation({ actor: operator, conversationId: three.conversationId, target: { kind: 'round-robin' }, now })).rejects.toMatchObject({ code: 'conflict' })
    // Offline colleagues get nothing.
    await db.update(staffChatSettings).set({ maxOpenChats: 5, lastSeenAt: new Date(now.getTime() - 5 * 60_000) })
    await expect(assignConversation({ actor: operator, conversationId: three.conversationId, target: { kind: 'round-robin' }, now })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('office staff see only chats of their office or given to them', async () => {
    const sent = await sendCitizenMessage({ actor: await newCitizen(), input: text('buca in strada'), now: MONDAY_9 })
    await expect(listMessagesForStaff(office, sent.conversationId)).rejects.toMatchObject({ code: 'not_found' })
    await assignConversation({ actor: operator, conversationId: sent.conversationId, target: { kind: 'office', officeId: office.officeId }, now: MONDAY_9 })
    const page = await listMessagesForStaff(office, sent.conversationId)
    expect(page.messages).toHaveLength(1)
    const officeInbox = await listInbox(office, { view: 'office' })
    expect(officeInbox.map((c) => c.id)).toContain(sent.conversationId)
    // Assigning to a colleague of another office moves the chat there.
    await assignConversation({ actor: office, conversationId: sent.conversationId, target: { kind: 'staff', staffId: operator.id }, now: MONDAY_9 })
    const [c] = await database.current().db.select().from(conversations).where(eq(conversations.id, sent.conversationId))
    expect(c!.assigneeId).toBe(operator.id)
  })

  it('snooze brings the chat back at its time; resolve closes it; a new citizen message reopens it', async () => {
    const { db } = database.current()
    const citizen = await newCitizen()
    const sent = await sendCitizenMessage({ actor: citizen, input: text('ci penso'), now: MONDAY_9 })
    const status = async () => (await db.select().from(conversations).where(eq(conversations.id, sent.conversationId)))[0]!.status
    await setConversationStatus({ actor: operator, conversationId: sent.conversationId, change: { kind: 'snooze', until: new Date(MONDAY_9.getTime() + 3_600_000) }, now: MONDAY_9 })
    expect(await status()).toBe('snoozed')
    await sweepConversations(new Date(MONDAY_9.getTime() + 1_800_000))
    expect(await status()).toBe('snoozed')
    await sweepConversations(new Date(MONDAY_9.getTime() + 3_700_000))
    expect(await status()).toBe('open')
    await setConversationStatus({ actor: operator, conversationId: sent.conversationId, change: { kind: 'resolve' }, now: MONDAY_9 })
    expect(await status()).toBe('resolved')
    await sendCitizenMessage({ actor: citizen, input: text('un’altra cosa'), now: MONDAY_9 })
    expect(await status()).toBe('open')
    await expect(
      setConversationStatus({ actor: operator, conversationId: sent.conversationId, change: { kind: 'snooze', until: new Date(MONDAY_9.getTime() - 1000) }, now: MONDAY_9 }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('a note mentioning a colleague names them for a notification', async () => {
    const sent = await sendCitizenMessage({ actor: await newCitizen(), input: text('domanda'), now: MONDAY_9 })
    const note = await sendStaffMessage({ actor: operator, conversationId: sent.conversationId, input: { clientId: id(), kind: 'note', body: 'Chiedo a @giulia' }, now: MONDAY_9 })
    expect(note.mentioned).toEqual([admin.id])
    const [m] = await database.current().db.select().from(chatMessages).where(and(eq(chatMessages.conversationId, sent.conversationId), eq(chatMessages.kind, 'note')))
    expect(m!.mentions).toEqual([admin.id])
  })
})

describe('inbox counts', () => {
  it('counts views and unread chats for an operator and for office staff', async () => {
    const citizen = await newCitizen()
    await sendCitizenMessage({ actor: citizen, input: text('conta anche me'), now: MONDAY_9 })
    const counts = await (await import('./list-inbox')).countInbox(operator)
    expect(counts.views.unassigned).toBeGreaterThan(0)
    expect(counts.unread).toBeGreaterThan(0)
    const officeCounts = await (await import('./list-inbox')).countInbox(office)
    expect(officeCounts.views.office).toBeGreaterThanOrEqual(0)
  })
})

describe('dashboard figures', () => {
  it('reports volume and first-response times from the messages', async () => {
    const { getChatFigures } = await import('./chat-figures')
    const now = new Date()
    const sent = await sendCitizenMessage({ actor: await newCitizen(), input: text('quanto ci mettete?'), now: new Date(now.getTime() - 120_000) })
    await sendStaffMessage({ actor: operator, conversationId: sent.conversationId, input: text('Due minuti!'), now })
    await setConversationStatus({ actor: operator, conversationId: sent.conversationId, change: { kind: 'resolve' }, now })
    const figures = await getChatFigures(operator, 30, new Date(now.getTime() + 1000))
    expect(figures.messages).toBeGreaterThan(0)
    expect(figures.firstResponseMedian).not.toBeNull()
    expect(figures.resolutionMedian).not.toBeNull()
    expect(figures.byHour.reduce((a, b) => a + b, 0)).toBe(figures.messages)
    expect(figures.byDay.length).toBeGreaterThan(0)
  })
})
