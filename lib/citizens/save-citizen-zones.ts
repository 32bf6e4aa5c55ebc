import 'server-only'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { citizenZones, zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from './actor'

/**
 * Replaces the neighbourhoods the citizen lives or works in. Zone-targeted alerts then reach
 * them for these zones only; choosing none means receiving every alert (lib/notify/zones.ts).
 * An id that is not a current zone (forged, or retired since the page was loaded) refuses
 * the whole choice, so nothing half-saved narrows what the citizen receives.
 */
export async function saveCitizenZones({ actor, zoneIds }: { actor: CitizenActor; zoneIds: number[] }): Promise<{ zoneIds: number[] }> {
  if (actor.kind !== 'citizen') throw new AppError('forbidden', 'Solo un cittadino può scegliere le proprie zone.')
  const wanted = [...new Set(zoneIds)]
  const db = await getDb()
  return db.transaction(async (tx) => {
    const valid = wanted.length
      ? await tx.select({ id: zones.id }).from(zones).where(and(inArray(zones.id, wanted), isNull(zones.retiredAt)))
      : []
    if (valid.length !== wanted.length) {
      throw new AppError('invalid_input', 'Una delle zone scelte non esiste più: ricarica la pagina e scegli di nuovo.')
    }
    await tx.delete(citizenZones).where(eq(citizenZones.citizenId, actor.id))
    if (valid.length) await tx.insert(citizenZones).values(valid.map((z) => ({ citizenId: actor.id, zoneId: z.id })))
    return { zoneIds: valid.map((z) => z.id) }
  })
}
