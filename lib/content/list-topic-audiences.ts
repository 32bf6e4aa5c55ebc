import 'server-only'
import { asc, isNull } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { countAudience } from '../notify/count-audience'

export type TopicAudience = { id: number; name: string; citizens: number; devices: number }

/**
 * The topics an item can be filed under (retired ones are not), each with who a notice would
 * reach: the citizens who will find it in their inbox and their devices with push enabled.
 */
export async function listTopicAudiences(actor: StaffActor): Promise<TopicAudience[]> {
  assertRole(actor, ['admin', 'operator'])
  const db = await getDb()
  const active = await db
    .select({ id: topics.id, name: topics.nameIt })
    .from(topics)
    .where(isNull(topics.retiredAt))
    .orderBy(asc(topics.sortOrder), asc(topics.id))
  // A Comune has a handful of topics: one count each keeps the one way of counting in lib/notify.
  return Promise.all(
    active.map(async (topic) => ({ ...topic, ...(await countAudience({ topicId: topic.id })) })),
  )
}
