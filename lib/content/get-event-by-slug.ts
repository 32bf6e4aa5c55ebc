import 'server-only'
import { and, eq, lte } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { getDb } from '../db'

export type EventDetail = {
  slug: string
  title: string
  summary: string
  /** Markdown. */
  body: string
  location: string
  imageUrl: string | null
  imageAlt: string | null
  startsAt: Date
  endsAt: Date | null
  publishedAt: Date
}

/** A published event (past ones too, so shared links keep working), or null. */
export async function getEventBySlug(
  slug: string,
  options: { now?: Date } = {},
): Promise<EventDetail | null> {
  const { now = new Date() } = options
  const db = await getDb()
  const [row] = await db
    .select({
      slug: events.slug,
      title: events.title,
      summary: events.summary,
      body: events.body,
      location: events.location,
      imageUrl: events.imageUrl,
      imageAlt: events.imageAlt,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      publishedAt: events.publishedAt,
    })
    .from(events)
    .where(and(eq(events.slug, slug), lte(events.publishedAt, now)))
  if (!row?.publishedAt) return null
  return { ...row, publishedAt: row.publishedAt }
}
