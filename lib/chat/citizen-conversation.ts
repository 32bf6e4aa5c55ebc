import 'server-only'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { conversations, type Conversation } from '@/db/schema/chat'

/** The citizen's one conversation, created on first use and locked for the rest of the transaction. */
export async function lockCitizenConversation(tx: DbOrTx, citizenId: string): Promise<Conversation> {
  await tx.insert(conversations).values({ citizenId }).onConflictDoNothing({ target: conversations.citizenId })
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.citizenId, citizenId)).for('update')
  if (!conversation) throw new Error('conversation not created')
  return conversation
}

/** The citizen's conversation, or null before they ever opened the chat. */
export async function getCitizenConversation(db: DbOrTx, citizenId: string): Promise<Conversation | null> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.citizenId, citizenId))
  return conversation ?? null
}
