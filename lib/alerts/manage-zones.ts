import 'server-only'
import { and, asc, eq, ne, sql } from 'drizzle-orm'
import { comuneSettings } from '@/db/schema/comune'
import { zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseVertexList, polygonProblem, type Ring } from './geometry-shared'
import { PLAN_ROLES, type ZoneInput } from './schemas'

const invalid = (field: string, message: string) => new AppError('invalid_input', 'Controlla i campi evidenziati.', { [field]: message })

/** Every zone, retired ones last, with how many citizens chose it. */
export async function listZonesForAdmin(actor: StaffActor) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  return db
    .select({
      id: zones.id,
      name: zones.name,
      description: zones.description,
      retiredAt: zones.retiredAt,
      citizens: sql<number>`(select count(*)::int from citizen_zones cz where cz.zone_id = ${zones.id})`,
    })
    .from(zones)
    .orderBy(sql`${zones.retiredAt} is not null`, asc(zones.name))
}

export async function getZoneForAdmin(actor: StaffActor, zoneId: number) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  const [zone] = await db.select().from(zones).where(eq(zones.id, zoneId))
  return zone ?? null
}

/** The Comune's boundary ring ([lon, lat]), which every drawn polygon must lie inside. */
export async function getComuneBoundary(): Promise<Ring> {
  const db = await getDb()
  const [comune] = await db.select({ boundary: comuneSettings.boundary }).from(comuneSettings)
  if (!comune) throw new AppError('unavailable', 'Il Comune non è configurato.')
  return comune.boundary.coordinates[0] as Ring
}

/**
 * Creates or changes a standing zone drawn on the map (or typed as vertices). A polygon that
 * crosses itself or leaves the Comune is refused with the reason; names are unique.
 */
export async function saveZone(actor: StaffActor, input: ZoneInput, context: RequestContext): Promise<{ id: number }> {
  assertRole(actor, PLAN_ROLES)
  const parsed = parseVertexList(input.vertices)
  if ('error' in parsed) throw invalid('vertices', parsed.error)
  const problem = polygonProblem(parsed.ring, await getComuneBoundary())
  if (problem) throw invalid('vertices', problem)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: zones.id })
      .from(zones)
      .where(and(sql`lower(${zones.name}) = lower(${input.name})`, input.zoneId ? ne(zones.id, input.zoneId) : undefined))
    if (clash) throw invalid('name', 'Esiste già una zona con questo nome.')
    const values = { name: input.name, description: input.description, polygon: { type: 'Polygon' as const, coordinates: [parsed.ring] } }
    let id: number
    if (input.zoneId) {
      const [row] = await tx.update(zones).set(values).where(eq(zones.id, input.zoneId)).returning({ id: zones.id })
      if (!row) throw new AppError('not_found', 'Zona non trovata.')
      id = row.id
    } else {
      const [row] = await tx.insert(zones).values(values).returning({ id: zones.id })
      if (!row) throw new Error('zone insert returned nothing')
      id = row.id
    }
    await recordAudit(tx, {
      action: input.zoneId ? 'zone.update' : 'zone.create',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'zone',
      targetId: String(id),
      ip: context.ip,
      details: { name: input.name, vertices: parsed.ring.length - 1 },
    })
    return { id }
  })
}

/** A retired zone is no longer offered to citizens or in the composer; alerts that used it keep it. */
export async function setZoneRetired(actor: StaffActor, zoneId: number, retired: boolean, context: RequestContext) {
  assertRole(actor, PLAN_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [row] = await tx.update(zones).set({ retiredAt: retired ? new Date() : null }).where(eq(zones.id, zoneId)).returning({ name: zones.name })
    if (!row) throw new AppError('not_found', 'Zona non trovata.')
    await recordAudit(tx, {
      action: retired ? 'zone.retire' : 'zone.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'zone',
      targetId: String(zoneId),
      ip: context.ip,
      details: { name: row.name, retired },
    })
  })
}
