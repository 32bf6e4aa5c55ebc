import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { topicSubscriptions } from '@/db/schema/citizens'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { isPermanentTopic } from './topic-rules'

/** One topic for its edit page, with its subscriber count; null when it does not exist. */
export async function getTopicForStaff(actor: StaffActor, topicId: number) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const [topic] = await db.select().from(topics).where(eq(topics.id, topicId))
  if (!topic) return null
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(topicSubscriptions)
    .where(eq(topicSubscriptions.topicId, topicId))
  return { ...topic, subscribers: counted?.n ?? 0, permanent: isPermanentTopic(topic) }
}
