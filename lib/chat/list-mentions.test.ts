import { describe, expect, it } from 'vitest'
import type { StaffActor } from '../auth/actor'
import { listUnreadMentions } from './list-mentions'
import { markMentionsRead } from './mark-mentions-read'
import { markReadByStaff } from './mark-read'
import { citizenLabel } from './schemas'
import { sendCitizenMessage } from './send-citizen-message'
import { sendStaffMessage } from './send-staff-message'
import { setupChatTest } from './chat-test-setup'

const { newCitizen } = setupChatTest((staff) => ({ operator, admin, office } = staff))
const MONDAY_9 = new Date('2026-11-23T08:00:00Z')
let operator: StaffActor
let admin: StaffActor
let office: StaffActor
let n = 0
const clientId = () => `mention-${Date.now().toString(36)}-${n++}`

const note = (conversationId: string, body: string) =>
  sendStaffMessage({ actor: operator, conversationId, input: { clientId: clientId(), kind: 'note', body }, now: MONDAY_9 })


describe('mentions kept for whoever was away', () => {
  it('a colleague named in a note with no console open finds it later, until they read that chat', async () => {
    const citizen = await newCitizen()
    const { conversationId } = await sendCitizenMessage({ actor: citizen, input: { clientId: clientId(), kind: 'text', body: 'Una domanda' }, now: MONDAY_9 })
    expect(await listUnreadMentions(admin)).toEqual({ items: [], total: 0 })

    // Giulia has no console open: nothing is listening for her.
    const written = await note(conversationId, '@giulia puoi rispondere tu? È sulla TARI')
    await note(conversationId, 'Nota senza nomi')
    const later = await listUnreadMentions(admin)
    expect(later.total).toBe(1)
    expect(later.items).toEqual([
      expect.objectContaining({
        conversationId,
        citizenLabel: citizenLabel(citizen.id),
        excerpt: '@giulia puoi rispondere tu? È sulla TARI',
        authorName: operator.name,
        canOpen: true,
      }),
    ])
    // The author and colleagues not named have nothing.
    expect((await listUnreadMentions(operator)).total).toBe(0)

    // Reading the chat up to before the note leaves it; reading past it puts it away.
    await markReadByStaff(admin, conversationId, written.seq - 1)
    expect((await listUnreadMentions(admin)).total).toBe(1)
    await markReadByStaff(admin, conversationId, written.seq)
    expect(await listUnreadMentions(admin)).toEqual({ items: [], total: 0 })
  })

  it('a chat the person may not open is listed without a link, and only they can put their mentions away', async () => {
    const { conversationId } = await sendCitizenMessage({ actor: await newCitizen(), input: { clientId: clientId(), kind: 'text', body: 'Buca' }, now: MONDAY_9 })
    await note(conversationId, 'Chiedo a @paolo dei Lavori pubblici')
    const mine = await listUnreadMentions(office)
    expect(mine.items).toEqual([expect.objectContaining({ conversationId, canOpen: false })])
    const ids = mine.items.map((m) => m.id)
    // Someone else cannot clear them.
    expect(await markMentionsRead(admin, ids)).toBe(0)
    expect((await listUnreadMentions(office)).total).toBe(1)
    expect(await markMentionsRead(office, ids)).toBe(1)
    expect((await listUnreadMentions(office)).total).toBe(0)
  })
})
