import 'server-only'
import { eq } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { fileKeyFromUrl } from '../storage/file-key-shared'
import { queuedNoticeAt, sentNotice } from './publication'
import { contentStatus } from './status-shared'

export type StaffNewsItem = NonNullable<Awaited<ReturnType<typeof getNewsForStaff>>>

/** One news item for its edit page, with its topic and notice state; null when it does not exist. */
export async function getNewsForStaff(actor: StaffActor, id: string, options: { now?: Date } = {}) {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  const db = await getDb()
  const [row] = await db
    .select({
      item: newsItems,
      topic: { id: topics.id, nameIt: topics.nameIt, retiredAt: topics.retiredAt },
    })
    .from(newsItems)
    .leftJoin(topics, eq(topics.id, newsItems.topicId))
    .where(eq(newsItems.id, id))
  if (!row) return null
  const [sent, queuedFor] = await Promise.all([
    sentNotice(db, 'news', id),
    queuedNoticeAt('news', id),
  ])
  return {
    ...row.item,
    imageKey: fileKeyFromUrl(row.item.imageUrl),
    topic: row.topic,
    status: contentStatus(row.item.publishedAt, now),
    notice: { sent, queuedFor },
  }
}
