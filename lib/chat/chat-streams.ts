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

/** The citizen's live channel: their conversation, without the staff's private events. */
export async function citizenChatStream(actor: CitizenActor): Promise<{ channels: StreamChannel[]; onHeartbeat: () => Promise<void> }> {
  const conversationId = await openCitizenChat(actor)
  return {
    channels: [{ channel: conversationChannel(conversationId), visible: (e) => e.data.internal !== true && !(e.type === 'typing' && e.data.by === 'citizen') }],
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
    channels.push({ channel: conversationChannel(conversationId), visible: (e) => !(e.type === 'typing' && e.data.by === 'staff' && e.data.staffId === actor.id) })
  }
  return { channels, onHeartbeat: () => recordStaffHeartbeat(actor) }
}
