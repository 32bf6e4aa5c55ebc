import 'server-only'
import { lt } from 'drizzle-orm'
import { realtimeEvents } from '@/db/schema/realtime'
import { getDb } from '../db'

/** Events older than this are only needed by a client away for days: it gets a "reset" and reloads instead. */
export const KEEP_EVENTS_DAYS = 7

export async function pruneRealtimeEvents(now = new Date()): Promise<number> {
  const db = await getDb()
  const removed = await db
    .delete(realtimeEvents)
    .where(lt(realtimeEvents.createdAt, new Date(now.getTime() - KEEP_EVENTS_DAYS * 86_400_000)))
    .returning({ seq: realtimeEvents.seq })
  return removed.length
}
