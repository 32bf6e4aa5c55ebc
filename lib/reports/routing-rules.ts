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

/** One rule, for the admin editing it; null when there is no such rule. */
export async function getRoutingRule(actor: StaffActor, id: number) {
  assertRole(actor, ['admin'])
  if (!isRuleId(id)) return null
  const db = await getDb()
  const [rule] = await db
    .select({ id: routingRules.id, name: routingRules.name, categoryId: routingRules.categoryId, officeId: routingRules.officeId, area: routingRules.area, sortOrder: routingRules.sortOrder, active: routingRules.active })
    .from(routingRules)
    .where(eq(routingRules.id, id))
  return rule ?? null
}

/**
 * Creates (id null) or updates a rule; the area must be a simple polygon inside the Comune.
 * The audit entry of an update says which fields changed, with their values before and after.
 */
export async function saveRoutingRule(actor: StaffActor, id: number | null, rawInput: unknown, context: RequestContext, now = new Date()) {
  assertRole(actor, ['admin'])
  if (id !== null && !isRuleId(id)) throw new AppError('not_found', 'Regola non trovata.')
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
    let changes: Record<string, { from: unknown; to: unknown }> | undefined
    if (id === null) {
      const [row] = await tx.insert(routingRules).values({ ...values, createdBy: actor.id, createdAt: now }).returning({ id: routingRules.id })
      ruleId = row!.id
    } else {
      const [before] = await tx.select().from(routingRules).where(eq(routingRules.id, id)).for('update')
      if (!before) throw new AppError('not_found', 'Regola non trovata.')
      changes = {}
      for (const field of ['name', 'categoryId', 'officeId', 'sortOrder', 'active'] as const) {
        if (before[field] !== values[field]) changes[field] = { from: before[field], to: values[field] }
      }
      if (JSON.stringify(before.area?.coordinates ?? null) !== JSON.stringify(area?.coordinates ?? null)) {
        changes.area = { from: before.area ? `${before.area.coordinates[0]!.length - 1} vertici` : 'tutto il Comune', to: area ? `${input.area.length - 1} vertici` : 'tutto il Comune' }
      }
      await tx.update(routingRules).set(values).where(eq(routingRules.id, id))
    }
    await recordAudit(tx, {
      action: id === null ? 'routing_rule.create' : 'routing_rule.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'routing_rule',
      targetId: String(ruleId),
      ip: context.ip,
      details: { name: input.name, officeId: input.officeId, categoryId: input.categoryId, hasArea: area !== null, ...(changes ? { changes } : {}) },
    })
    return { id: ruleId! }
  })
}

export async function deleteRoutingRule(actor: StaffActor, id: number, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (!isRuleId(id)) throw new AppError('not_found', 'Regola non trovata.')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning({ name: routingRules.name })
    if (!deleted.length) throw new AppError('not_found', 'Regola non trovata.')
    await recordAudit(tx, { action: 'routing_rule.delete', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'routing_rule', targetId: String(id), ip: context.ip, details: { name: deleted[0]!.name } })
  })
}

/** A rule id from a form or a URL: anything else names no rule (and never reaches SQL). */
function isRuleId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
}
