import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '@/db/schema/citizens'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { RealtimeEvent } from '../realtime/events-shared'
import { getHub } from '../realtime/hub'
import { openSubscription, type Subscription } from '../realtime/subscription'
import { setupTestDatabase } from '../testing/test-database'
import { assignConversation } from './assign-conversation'
import { citizenChatStream, staffChatStream } from './chat-streams'
import { listMessagesForCitizen, listMessagesForStaff } from './list-messages'
import { sendCitizenMessage } from './send-citizen-message'
import { sendStaffMessage } from './send-staff-message'
import { sendTyping } from './send-typing'
import { staffByEmail } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const MONDAY_9 = new Date('2026-11-23T08:00:00Z')
let operator: StaffActor
let admin: StaffActor
let n = 0
const clientId = () => `privacy-${Date.now().toString(36)}-${n++}`
const subscriptions: Subscription[] = []

async function until(check: () => boolean, ms = 10_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}
const staff = (email: string) => staffByEmail(database.current().db, email)

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  operator = await staff('urp@comune.esempio.it')
  admin = await staff('admin@comune.esempio.it')
})
afterAll(async () => {
  for (const s of subscriptions) s.close()
  await (await getHub()).stop()
  await stopJobs()
})

describe('what the citizen’s stream carries', () => {
  it('staff typing says only that the Comune is typing; notes, assignments and staff ids never reach the citizen', async () => {
    const { db } = database.current()
    const [row] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    const citizen: CitizenActor = { kind: 'citizen', id: row!.id, locale: 'it' }
    const { conversationId } = await sendCitizenMessage({ actor: citizen, input: { clientId: clientId(), kind: 'text', body: 'Buongiorno' }, now: MONDAY_9 })
    const hub = await getHub()

    // The citizen's stream exactly as the route builds it, and a colleague's console beside it.
    const citizenEvents: RealtimeEvent[] = []
    const page = await listMessagesForCitizen(citizen)
    const citizenSpec = (await citizenChatStream(citizen)).channels[0]!
    subscriptions.push(openSubscription({ db, hub, channels: [{ ...citizenSpec, cursor: page.cursor }], send: (e) => citizenEvents.push(e) }))
    const staffEvents: RealtimeEvent[] = []
    const staffSpecs = (await staffChatStream(admin, conversationId)).channels
    subscriptions.push(openSubscription({ db, hub, channels: staffSpecs.map((c) => ({ ...c, cursor: null })), send: (e) => staffEvents.push(e) }))
    await Promise.all(subscriptions.map((s) => s.ready))

    await assignConversation({ actor: operator, conversationId, target: { kind: 'me' }, now: MONDAY_9 })
    await sendTyping(operator, conversationId)
    await until(() => citizenEvents.some((e) => e.type === 'typing'))
    const note = await sendStaffMessage({
      actor: operator,
      conversationId,
      input: { clientId: clientId(), kind: 'note', body: '@giulia il cittadino è già noto agli uffici' },
      now: MONDAY_9,
    })
    const reply = await sendStaffMessage({ actor: operator, conversationId, input: { clientId: clientId(), kind: 'text', body: 'Ciao, dimmi pure' }, now: MONDAY_9 })
    await until(() => citizenEvents.some((e) => e.type === 'message' && e.data.messageId === reply.messageId))
    await until(() => staffEvents.some((e) => e.type === 'message' && e.data.messageId === reply.messageId))

    // The team did see the note and the assignment: they exist, and stay on the team's side.
    expect(staffEvents.some((e) => e.type === 'message' && e.data.messageId === note.messageId)).toBe(true)
    expect(staffEvents.some((e) => e.type === 'assigned')).toBe(true)

    expect(citizenEvents.filter((e) => e.type === 'typing').map((e) => e.data)).toEqual([{ by: 'staff' }])
    expect(citizenEvents.some((e) => e.type === 'assigned')).toBe(false)
    expect(citizenEvents.filter((e) => e.type === 'message').map((e) => e.data)).toEqual([{ messageId: reply.messageId, author: 'staff' }])
    const wire = JSON.stringify(citizenEvents)
    for (const secret of [operator.id, admin.id, operator.name, operator.email, 'già noto agli uffici', 'internal', 'assigneeId', 'officeId']) {
      expect(wire).not.toContain(secret)
    }

    // Nor does the citizen's message list: no note, and staff by first name only.
    const list = await listMessagesForCitizen(citizen)
    expect(list.messages.map((m) => m.id)).not.toContain(note.messageId)
    expect(list.messages.some((m) => m.body.includes('già noto'))).toBe(false)
    expect(list.messages.find((m) => m.id === reply.messageId)?.staffName).toBe(operator.name.split(' ')[0])
    expect((await listMessagesForStaff(admin, conversationId)).messages.map((m) => m.id)).toContain(note.messageId)
  })
})
