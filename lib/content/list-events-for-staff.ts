import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { contentStatus } from './status-shared'

const LIMIT = 500

export type StaffEventRow = Awaited<ReturnType<typeof listEventsForStaff>>[number]

/** Every event for the editors: drafts first, then the latest start first. */
export async function listEventsForStaff(actor: StaffActor, options: { now?: Date } = {}) {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  const db = await getDb()
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      slug: events.slug,
      location: events.location,
      topicName: topics.nameIt,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      publishedAt: events.publishedAt,
    })
    .from(events)
    .leftJoin(topics, eq(topics.id, events.topicId))
    .orderBy(sql`(${events.publishedAt} is null) desc`, desc(events.startsAt))
    .limit(LIMIT)
  return rows.map((row) => ({ ...row, status: contentStatus(row.publishedAt, now) }))
}
