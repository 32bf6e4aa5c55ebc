import 'server-only'
import { eq } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { fileKeyFromUrl } from '../storage/file-key-shared'
import { queuedNoticeAt, sentNotice } from './publication'
import { contentStatus } from './status-shared'

export type StaffEvent = NonNullable<Awaited<ReturnType<typeof getEventForStaff>>>

/** One event for its edit page, with its topic and notice state; null when it does not exist. */
export async function getEventForStaff(
  actor: StaffActor,
  id: string,
  options: { now?: Date } = {},
) {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  const db = await getDb()
  const [row] = await db
    .select({
      item: events,
      topic: { id: topics.id, nameIt: topics.nameIt, retiredAt: topics.retiredAt },
    })
    .from(events)
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(eq(events.id, id))
  if (!row) return null
  const [sent, queuedFor] = await Promise.all([
    sentNotice(db, 'event', id),
    queuedNoticeAt('event', id),
  ])
  return {
    ...row.item,
    imageKey: fileKeyFromUrl(row.item.imageUrl),
    topic: row.topic,
    status: contentStatus(row.item.publishedAt, now),
    notice: { sent, queuedFor },
  }
}
