import 'server-only'
import { and, asc, gte, isNotNull, isNull, lte, or } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { romeMidnight, romeWallClock } from '@/lib/time/rome-clock'
import { getDb } from '../db'

export type EventSummary = {
  slug: string
  title: string
  summary: string
  location: string
  startsAt: Date
  endsAt: Date | null
}

const WEEK = 7 * 24 * 60 * 60 * 1000

/**
 * Published events that have not finished, soonest first, split into those starting in the
 * next seven days (or already under way) and those later. An event without an end time
 * stays listed for the whole day it starts on.
 */
export async function listUpcomingEvents(
  options: { limit?: number; now?: Date } = {},
): Promise<{ soon: EventSummary[]; later: EventSummary[] }> {
  const { limit = 100, now = new Date() } = options
  const startOfToday = romeMidnight(romeWallClock(now).date)
  const db = await getDb()
  const rows = await db
    .select({
      slug: events.slug,
      title: events.title,
      summary: events.summary,
      location: events.location,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(events)
    .where(
      and(
        lte(events.publishedAt, now),
        or(
          and(isNotNull(events.endsAt), gte(events.endsAt, now)),
          and(isNull(events.endsAt), gte(events.startsAt, startOfToday)),
        ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.title))
    .limit(limit)
  const weekAhead = now.getTime() + WEEK
  return {
    soon: rows.filter((e) => e.startsAt.getTime() < weekAhead),
    later: rows.filter((e) => e.startsAt.getTime() >= weekAhead),
  }
}
