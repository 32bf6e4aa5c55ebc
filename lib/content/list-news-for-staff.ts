import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { contentStatus } from './status-shared'

const LIMIT = 500

export type StaffNewsRow = Awaited<ReturnType<typeof listNewsForStaff>>[number]

/** Every news item for the editors: drafts first, then by publication time, newest first. */
export async function listNewsForStaff(actor: StaffActor, options: { now?: Date } = {}) {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  const db = await getDb()
  const rows = await db
    .select({
      id: newsItems.id,
      title: newsItems.title,
      slug: newsItems.slug,
      topicName: topics.nameIt,
      publishedAt: newsItems.publishedAt,
      updatedAt: newsItems.updatedAt,
    })
    .from(newsItems)
    .leftJoin(topics, eq(topics.id, newsItems.topicId))
    .orderBy(sql`${newsItems.publishedAt} desc nulls first`, desc(newsItems.updatedAt))
    .limit(LIMIT)
  return rows.map((row) => ({ ...row, status: contentStatus(row.publishedAt, now) }))
}
