import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { waitingAreas, zones } from '@/db/schema/alerts'
import { getDb } from '../db'

/** The aree di attesa of the emergency plan in use (active ones), for everyone to read. */
export async function listPublicWaitingAreas() {
  const db = await getDb()
  return db
    .select({
      id: waitingAreas.id,
      name: waitingAreas.name,
      address: waitingAreas.address,
      latitude: waitingAreas.latitude,
      longitude: waitingAreas.longitude,
      notes: waitingAreas.notes,
      zone: zones.name,
    })
    .from(waitingAreas)
    .leftJoin(zones, eq(zones.id, waitingAreas.zoneId))
    .where(eq(waitingAreas.active, true))
    .orderBy(asc(waitingAreas.name))
}
