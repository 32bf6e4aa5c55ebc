import 'server-only'
import { eq } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import type { RealtimeEvent } from '../realtime/events-shared'
import type { StreamChannel } from '../realtime/sse-response'
import { assertChatStaff, assertStaffCanSee, canStaffSee } from './access'
import { openCitizenChat } from './open-citizen-chat'
import { CHAT_INBOX_CHANNEL, conversationChannel } from './schemas'
import { recordCitizenHeartbeat, recordStaffHeartbeat } from './staff-presence'

/**
 * What a citizen's stream may carry of an event: who acted (citizen, staff, system), which
 * message, the status and read position. Never which staff member, office or note: a field
 * added to an event later stays inside the team unless it is named here.
 */
const CITIZEN_FIELDS = ['messageId', 'author', 'by', 'upTo', 'status'] as const

export function citizenView(event: RealtimeEvent): RealtimeEvent {
  const data: RealtimeEvent['data'] = {}
  for (const key of CITIZEN_FIELDS) if (key in event.data) data[key] = event.data[key] ?? null
  return { ...event, data }
}

/** The citizen's live channel: their conversation, without the staff's private events. */
export async function citizenChatStream(actor: CitizenActor): Promise<{ channels: StreamChannel[]; onHeartbeat: () => Promise<void> }> {
  const conversationId = await openCitizenChat(actor)
  return {
    channels: [
      {
        channel: conversationChannel(conversationId),
        visible: (e) => e.data.internal !== true && !(e.type === 'typing' && e.data.by === 'citizen'),
        project: citizenView,
      },
    ],
    onHeartbeat: () => recordCitizenHeartbeat(conversationId),
  }
}

/**
 * A console's live channels: the team inbox (only chats this person may see, or where they
 * are mentioned), and the open conversation if any. Its heartbeat is the person's presence.
 */
export async function staffChatStream(
  actor: StaffActor,
  conversationId: string | null,
): Promise<{ channels: StreamChannel[]; onHeartbeat: () => Promise<void> }> {
  assertChatStaff(actor)
  const inboxVisible = (e: RealtimeEvent) => {
    const d = e.data
    const mentioned = Array.isArray(d.mentioned) && d.mentioned.includes(actor.id)
    const now = canStaffSee(actor, { officeId: (d.officeId as number | null) ?? null, assigneeId: (d.assigneeId as string | null) ?? null })
    const before =
      'previousOfficeId' in d &&
      canStaffSee(actor, { officeId: (d.previousOfficeId as number | null) ?? null, assigneeId: (d.previousAssigneeId as string | null) ?? null })
    return now || before || mentioned
  }
  const channels: StreamChannel[] = [{ channel: CHAT_INBOX_CHANNEL, visible: inboxVisible }]
  if (conversationId) {
    const db = await getDb()
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId))
    assertStaffCanSee(actor, conversation)
    // Staff typing is for the citizen; a console shows only the citizen's.
    channels.push({ channel: conversationChannel(conversationId), visible: (e) => !(e.type === 'typing' && e.data.by === 'staff') })
  }
  return { channels, onHeartbeat: () => recordStaffHeartbeat(actor) }
}
