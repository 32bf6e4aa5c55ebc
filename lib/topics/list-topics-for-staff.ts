import 'server-only'
import { asc, eq, sql } from 'drizzle-orm'
import { topicSubscriptions } from '@/db/schema/citizens'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { isPermanentTopic } from './topic-rules'

export type StaffTopicRow = Awaited<ReturnType<typeof listTopicsForStaff>>[number]

/** Every topic, retired ones too (after the active ones), with how many citizens follow it. */
export async function listTopicsForStaff(actor: StaffActor) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const rows = await db
    .select({
      id: topics.id,
      slug: topics.slug,
      nameIt: topics.nameIt,
      nameEn: topics.nameEn,
      recommended: topics.recommended,
      retiredAt: topics.retiredAt,
      subscribers: sql<number>`count(${topicSubscriptions.citizenId})::int`,
    })
    .from(topics)
    .leftJoin(topicSubscriptions, eq(topicSubscriptions.topicId, topics.id))
    .groupBy(topics.id)
    .orderBy(sql`${topics.retiredAt} is not null`, asc(topics.sortOrder), asc(topics.id))
  return rows.map((row) => ({ ...row, permanent: isPermanentTopic(row) }))
}
