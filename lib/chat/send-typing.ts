import 'server-only'
import { eq } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { publishEphemeral } from '../realtime/publish'
import { assertChatStaff, assertStaffCanSee } from './access'
import { getCitizenConversation } from './citizen-conversation'
import { conversationChannel } from './schemas'

/** "Sta scrivendo…": shown to whoever is watching now, never stored. */
export async function sendTyping(actor: CitizenActor | StaffActor, conversationId?: string): Promise<void> {
  const db = await getDb()
  if (actor.kind === 'citizen') {
    const conversation = await getCitizenConversation(db, actor.id)
    if (conversation) await publishEphemeral(db, conversationChannel(conversation.id), 'typing', { by: 'citizen' })
    return
  }
  assertChatStaff(actor)
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId ?? ''))
  assertStaffCanSee(actor, conversation)
  // The citizen sees "il Comune sta scrivendo…": who on the team is typing stays inside it.
  await publishEphemeral(db, conversationChannel(conversationId ?? ''), 'typing', { by: 'staff' })
}
