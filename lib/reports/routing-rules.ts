import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { comuneSettings, offices } from '@/db/schema/comune'
import { categories, routingRules } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { polygonProblem, type Ring } from '../alerts/geometry-shared'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseOrThrow } from './parse-input'
import { routingRuleSchema } from './schemas'

/** Routing rules are the Comune's organisation: only administrators change them; report staff read them. */
export async function listRoutingRules(actor: StaffActor) {
  assertRole(actor, ['admin', 'operator', 'office'])
  const db = await getDb()
  return db
    .select({
      id: routingRules.id,
      name: routingRules.name,
      categoryId: routingRules.categoryId,
      categoryName: categories.name,
      officeId: routingRules.officeId,
      officeName: offices.name,
      area: routingRules.area,
      sortOrder: routingRules.sortOrder,
      active: routingRules.active,
    })
    .from(routingRules)
    .innerJoin(offices, eq(offices.id, routingRules.officeId))
    .leftJoin(categories, eq(categories.id, routingRules.categoryId))
    .orderBy(asc(routingRules.sortOrder), asc(routingRules.id))
}

/** Creates (id null) or updates a rule; the area must be a simple polygon inside the Comune. */
export async function saveRoutingRule(actor: StaffActor, id: number | null, rawInput: unknown, context: RequestContext, now = new Date()) {
  assertRole(actor, ['admin'])
  const input = parseOrThrow(routingRuleSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, input.officeId))
    if (!office) throw new AppError('invalid_input', 'Ufficio sconosciuto.', { officeId: 'Ufficio sconosciuto.' })
    if (input.categoryId !== null) {
      const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId))
      if (!category) throw new AppError('invalid_input', 'Tipo di problema sconosciuto.', { categoryId: 'Tipo di problema sconosciuto.' })
    }
    let area = null
    if (input.area.length) {
      const [comune] = await tx.select({ boundary: comuneSettings.boundary }).from(comuneSettings)
      const problem = polygonProblem(input.area as Ring, (comune?.boundary.coordinates[0] ?? []) as Ring)
      if (problem) throw new AppError('invalid_input', problem, { area: problem })
      area = { type: 'Polygon' as const, coordinates: [input.area as Ring] }
    }
    const values = { name: input.name, categoryId: input.categoryId, officeId: input.officeId, area, sortOrder: input.sortOrder, active: input.active, updatedAt: now }
    let ruleId = id
    if (id === null) {
      const [row] = await tx.insert(routingRules).values({ ...values, createdBy: actor.id, createdAt: now }).returning({ id: routingRules.id })
      ruleId = row!.id
    } else {
      const updated = await tx.update(routingRules).set(values).where(eq(routingRules.id, id)).returning({ id: routingRules.id })
      if (!updated.length) throw new AppError('not_found', 'Regola non trovata.')
    }
    await recordAudit(tx, {
      action: id === null ? 'routing_rule.create' : 'routing_rule.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'routing_rule',
      targetId: String(ruleId),
      ip: context.ip,
      details: { name: input.name, officeId: input.officeId, categoryId: input.categoryId, hasArea: area !== null },
    })
    return { id: ruleId! }
  })
}

export async function deleteRoutingRule(actor: StaffActor, id: number, context: RequestContext) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning({ name: routingRules.name })
    if (!deleted.length) throw new AppError('not_found', 'Regola non trovata.')
    await recordAudit(tx, { action: 'routing_rule.delete', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'routing_rule', targetId: String(id), ip: context.ip, details: { name: deleted[0]!.name } })
  })
}
