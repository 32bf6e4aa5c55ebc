import 'server-only'
import { eq } from 'drizzle-orm'
import { staffChatSettings } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff } from './access'

export type ChatPreferences = { soundEnabled: boolean; badgeEnabled: boolean; maxOpenChats: number }

export async function getChatPreferences(actor: StaffActor): Promise<ChatPreferences> {
  assertChatStaff(actor)
  const db = await getDb()
  const [row] = await db
    .select({ soundEnabled: staffChatSettings.soundEnabled, badgeEnabled: staffChatSettings.badgeEnabled, maxOpenChats: staffChatSettings.maxOpenChats })
    .from(staffChatSettings)
    .where(eq(staffChatSettings.staffId, actor.id))
  return row ?? { soundEnabled: true, badgeEnabled: true, maxOpenChats: 5 }
}

/** Each person turns their own sound and tab badge on or off, and sets their limit of open chats. */
export async function setChatPreferences(actor: StaffActor, input: ChatPreferences): Promise<void> {
  assertChatStaff(actor)
  const db = await getDb()
  await db
    .insert(staffChatSettings)
    .values({ staffId: actor.id, ...input })
    .onConflictDoUpdate({ target: staffChatSettings.staffId, set: input })
}
