import 'server-only'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { chatMentions, chatMessages, conversations } from '@/db/schema/chat'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff, canStaffSee } from './access'
import { citizenLabel, type MentionItem } from './schemas'

const LIMIT = 20

/**
 * The notes that name this person and that they have not read yet, newest first, kept in the
 * database so someone who was away finds them at their next sign-in. A chat they may not
 * open (another office's) is listed without a link: they know to ask the author.
 */
export async function listUnreadMentions(actor: StaffActor): Promise<{ items: MentionItem[]; total: number }> {
  assertChatStaff(actor)
  const db = await getDb()
  const author = alias(staffUsers, 'author')
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: chatMentions.id,
        conversationId: chatMentions.conversationId,
        citizenId: conversations.citizenId,
        officeId: conversations.officeId,
        assigneeId: conversations.assigneeId,
        body: chatMessages.body,
        authorName: author.name,
        createdAt: chatMentions.createdAt,
      })
      .from(chatMentions)
      .innerJoin(chatMessages, eq(chatMessages.id, chatMentions.messageId))
      .innerJoin(conversations, eq(conversations.id, chatMentions.conversationId))
      .leftJoin(author, eq(author.id, chatMessages.staffId))
      .where(and(eq(chatMentions.staffId, actor.id), isNull(chatMentions.readAt)))
      .orderBy(desc(chatMentions.id))
      .limit(LIMIT),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(chatMentions)
      .where(and(eq(chatMentions.staffId, actor.id), isNull(chatMentions.readAt))),
  ])
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      conversationId: r.conversationId,
      citizenLabel: citizenLabel(r.citizenId),
      excerpt: r.body.length > 160 ? `${r.body.slice(0, 157)}…` : r.body,
      authorName: r.authorName ?? 'Un collega',
      createdAt: r.createdAt.toISOString(),
      canOpen: canStaffSee(actor, { officeId: r.officeId, assigneeId: r.assigneeId }),
    })),
  }
}
