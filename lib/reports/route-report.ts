import 'server-only'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { offices } from '@/db/schema/comune'
import { categories, routingRules } from '@/db/schema/reports'
import { AppError } from '../errors'
import { pointInPolygon } from './geo-shared'

export type RoutingDecision = {
  officeId: number
  officeName: string
  /** The rule that decided, or null when the category's default office took it. */
  ruleId: number | null
  /** How staff read the decision in the timeline. */
  reason: string
}

/**
 * The office competent for a report of `categoryId` at a point: the first active rule (by its
 * order) for that category, or for any category, whose area contains the point; otherwise the
 * category's own office.
 */
export async function routeReport(tx: DbOrTx, categoryId: number, point: { lat: number; lon: number }): Promise<RoutingDecision> {
  const [category] = await tx
    .select({ officeId: categories.officeId, name: categories.name, officeName: offices.name })
    .from(categories)
    .innerJoin(offices, eq(offices.id, categories.officeId))
    .where(eq(categories.id, categoryId))
  if (!category) throw new AppError('invalid_input', 'Tipo di problema sconosciuto.')
  const rules = await tx
    .select({ id: routingRules.id, sortOrder: routingRules.sortOrder, name: routingRules.name, categoryId: routingRules.categoryId, area: routingRules.area, officeId: routingRules.officeId, officeName: offices.name })
    .from(routingRules)
    .innerJoin(offices, and(eq(offices.id, routingRules.officeId), eq(offices.active, true)))
    .where(and(eq(routingRules.active, true), or(eq(routingRules.categoryId, categoryId), isNull(routingRules.categoryId))))
    .orderBy(asc(routingRules.sortOrder), asc(routingRules.id))
  for (const rule of rankRules(rules)) {
    if (!rule.area || pointInPolygon(point, rule.area)) {
      return { officeId: rule.officeId, officeName: rule.officeName, ruleId: rule.id, reason: `Regola «${rule.name}»` }
    }
  }
  return { officeId: category.officeId, officeName: category.officeName, ruleId: null, reason: `Ufficio predefinito per «${category.name}»` }
}

/** By order; at equal order, a rule for this category before one for every category, an area before the whole Comune. */
export function rankRules<T extends { id: number; sortOrder?: number; categoryId: number | null; area: unknown }>(rules: T[]): T[] {
  return [...rules].sort(
    (a, b) =>
      (a.sortOrder ?? 0) - (b.sortOrder ?? 0) ||
      Number(a.categoryId === null) - Number(b.categoryId === null) ||
      Number(!a.area) - Number(!b.area) ||
      a.id - b.id,
  )
}
