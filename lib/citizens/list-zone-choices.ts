import 'server-only'
import { asc, eq, isNull } from 'drizzle-orm'
import { citizenZones, zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import type { CitizenActor } from './actor'

/** The Comune's standing zones a citizen can choose (not retired), with theirs marked. */
export async function listZoneChoices({ actor }: { actor: CitizenActor | null }) {
  const db = await getDb()
  const [all, mine] = await Promise.all([
    db.select({ id: zones.id, name: zones.name, description: zones.description }).from(zones).where(isNull(zones.retiredAt)).orderBy(asc(zones.name)),
    actor ? db.select({ zoneId: citizenZones.zoneId }).from(citizenZones).where(eq(citizenZones.citizenId, actor.id)) : Promise.resolve([]),
  ])
  const chosen = new Set(mine.map((r) => r.zoneId))
  return all.map((z) => ({ ...z, chosen: chosen.has(z.id) }))
}
