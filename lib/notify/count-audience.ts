import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { getDb } from '../db'
import type { Audience } from './schemas'
import { inZones } from './zones'

/** How many citizens will find a message in their inbox, and how many devices it will reach. */
export async function countAudience(audience: Audience): Promise<{ citizens: number; devices: number }> {
  const db = await getDb()
  if ('topicId' in audience) {
    const zoned = inZones(sql`${topicSubscriptions.citizenId}`, audience.zoneIds)
    const [people] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(topicSubscriptions)
      .where(and(eq(topicSubscriptions.topicId, audience.topicId), zoned))
    const [devices] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .innerJoin(topicSubscriptions, eq(topicSubscriptions.citizenId, pushSubscriptions.citizenId))
      .where(and(eq(topicSubscriptions.topicId, audience.topicId), eq(pushSubscriptions.enabled, true), zoned))
    return { citizens: people?.n ?? 0, devices: devices?.n ?? 0 }
  }
  const [devices] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.citizenId, audience.citizenId),
        eq(pushSubscriptions.enabled, true),
        audience.subscriptionId ? eq(pushSubscriptions.id, audience.subscriptionId) : undefined,
      ),
    )
  return { citizens: 1, devices: devices?.n ?? 0 }
}
