import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { waitingAreas, zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseLatLon, pointInRing } from './geometry-shared'
import { getComuneBoundary } from './manage-zones'
import { PLAN_ROLES, type WaitingAreaInput } from './schemas'

const invalid = (field: string, message: string) => new AppError('invalid_input', 'Controlla i campi evidenziati.', { [field]: message })

export async function listWaitingAreasForAdmin(actor: StaffActor) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  return db
    .select({
      id: waitingAreas.id,
      name: waitingAreas.name,
      address: waitingAreas.address,
      latitude: waitingAreas.latitude,
      longitude: waitingAreas.longitude,
      active: waitingAreas.active,
      zoneName: zones.name,
    })
    .from(waitingAreas)
    .leftJoin(zones, eq(zones.id, waitingAreas.zoneId))
    .orderBy(asc(waitingAreas.name))
}

export async function getWaitingAreaForAdmin(actor: StaffActor, areaId: number) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  const [area] = await db.select().from(waitingAreas).where(eq(waitingAreas.id, areaId))
  return area ?? null
}

/** Creates or changes an area di attesa: name, address and a point inside the Comune. */
export async function saveWaitingArea(actor: StaffActor, input: WaitingAreaInput, context: RequestContext): Promise<{ id: number }> {
  assertRole(actor, PLAN_ROLES)
  const point = parseLatLon(input.point)
  if (!point) throw invalid('point', 'Scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802, oppure tocca la mappa.')
  const [latitude, longitude] = point
  if (!pointInRing([longitude, latitude], await getComuneBoundary())) throw invalid('point', 'Il punto è fuori dal territorio del Comune.')
  const db = await getDb()
  return db.transaction(async (tx) => {
    if (input.zoneId) {
      const [zone] = await tx.select({ id: zones.id }).from(zones).where(eq(zones.id, input.zoneId))
      if (!zone) throw invalid('zoneId', 'La zona scelta non esiste più.')
    }
    const values = { name: input.name, address: input.address, latitude, longitude, zoneId: input.zoneId, notes: input.notes, active: input.active }
    let id: number
    if (input.areaId) {
      const [row] = await tx.update(waitingAreas).set(values).where(eq(waitingAreas.id, input.areaId)).returning({ id: waitingAreas.id })
      if (!row) throw new AppError('not_found', 'Area di attesa non trovata.')
      id = row.id
    } else {
      const [row] = await tx.insert(waitingAreas).values(values).returning({ id: waitingAreas.id })
      if (!row) throw new Error('waiting area insert returned nothing')
      id = row.id
    }
    await recordAudit(tx, {
      action: input.areaId ? 'waiting_area.update' : 'waiting_area.create',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'waiting_area',
      targetId: String(id),
      ip: context.ip,
      details: { name: input.name, active: input.active },
    })
    return { id }
  })
}
