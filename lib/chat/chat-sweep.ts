import 'server-only'
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import { getDb } from '../db'
import { getEnv } from '../env'
import { getChatOpeningState } from './chat-hours'
import { publishConversationEvent, publishInboxEvent } from './write-message'

/**
 * Runs every minute: snoozed chats whose time came back are reopened, chats that waited
 * for opening hours become open when the chat opens, and an unassigned chat waiting longer
 * than FILO_CHAT_ESCALATE_MINUTES (while open) is escalated: highlighted in every console,
 * with a sound for whoever has it on. Each row is locked and re-checked, so two processes
 * running the sweep at once do each thing once.
 */
export async function sweepConversations(now = new Date()): Promise<{ woken: number; opened: number; escalated: number }> {
  const db = await getDb()
  const env = getEnv()
  const opening = await getChatOpeningState(db, now)
  return db.transaction(async (tx) => {
    const woken = await tx
      .update(conversations)
      .set({ status: 'open', snoozedUntil: null, updatedAt: now })
      .where(and(eq(conversations.status, 'snoozed'), lte(conversations.snoozedUntil, now)))
      .returning()
    const opened =
      opening.status === 'open'
        ? await tx
            .update(conversations)
            .set({ status: 'open', updatedAt: now })
            .where(eq(conversations.status, 'pending'))
            .returning()
        : []
    for (const c of [...woken, ...opened]) {
      await publishConversationEvent(tx, c.id, 'status', { status: 'open' })
      await publishInboxEvent(tx, c, 'status')
    }
    const escalated =
      opening.status === 'open'
        ? await tx
            .update(conversations)
            .set({ escalatedAt: now })
            .where(
              and(
                inArray(conversations.status, ['open']),
                isNull(conversations.assigneeId),
                isNull(conversations.escalatedAt),
                lte(conversations.waitingSince, new Date(now.getTime() - env.FILO_CHAT_ESCALATE_MINUTES * 60_000)),
                sql`${conversations.waitingSince} is not null`,
              ),
            )
            .returning()
        : []
    for (const c of escalated) await publishInboxEvent(tx, c, 'escalated')
    return { woken: woken.length, opened: opened.length, escalated: escalated.length }
  })
}
