import 'server-only'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { offices } from '@/db/schema/comune'
import { categories, routingRules, type RoutingRule } from '@/db/schema/reports'
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

type CategoryOffice = { id: number; name: string; officeId: number; officeName: string }
type CandidateRule = Pick<RoutingRule, 'id' | 'sortOrder' | 'name' | 'categoryId' | 'area' | 'officeId'> & { officeName: string }

/**
 * The office competent for a report of `categoryId` at a point: the first active rule (by its
 * order) for that category, or for any category, whose area contains the point; otherwise the
 * category's own office.
 */
export async function routeReport(tx: DbOrTx, categoryId: number, point: { lat: number; lon: number }): Promise<RoutingDecision> {
  const [category] = await tx
    .select({ id: categories.id, officeId: categories.officeId, name: categories.name, officeName: offices.name })
    .from(categories)
    .innerJoin(offices, eq(offices.id, categories.officeId))
    .where(eq(categories.id, categoryId))
  if (!category) throw new AppError('invalid_input', 'Tipo di problema sconosciuto.')
  return decideRoute(category, await loadRoutingRules(tx, categoryId), point)
}

/** The active rules that may apply to a category (its own and those for every category). */
export function loadRoutingRules(tx: DbOrTx, categoryId: number): Promise<CandidateRule[]> {
  return tx
    .select({ id: routingRules.id, sortOrder: routingRules.sortOrder, name: routingRules.name, categoryId: routingRules.categoryId, area: routingRules.area, officeId: routingRules.officeId, officeName: offices.name })
    .from(routingRules)
    .innerJoin(offices, and(eq(offices.id, routingRules.officeId), eq(offices.active, true)))
    .where(and(eq(routingRules.active, true), or(eq(routingRules.categoryId, categoryId), isNull(routingRules.categoryId))))
    .orderBy(asc(routingRules.sortOrder), asc(routingRules.id))
}

/** routeReport's decision from rows already read (submitReport reads them alongside its other checks). */
export function decideRoute(category: CategoryOffice, rules: CandidateRule[], point: { lat: number; lon: number }): RoutingDecision {
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
