import 'server-only'
import { and, asc, eq, gte, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { comuneSettings, offices } from '@/db/schema/comune'
import { categories, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import type { StaffActor } from '../auth/actor'
import { addDays, romeWallClock } from '../time/rome-clock'
import { assertReportStaff } from './report-access'
import { statusLabels, isReportStatus, stateLabels } from './status-shared'
import { isWorkingDay } from './working-days-shared'

/** Time-to-close bands, in working days (Europe/Rome, Italian holidays, patron day). */
export const CLOSE_BANDS = [
  { key: 'd0_2', label: '0–2 giorni lavorativi', csvColumn: 'chiuse_0_2_gg_lavorativi', max: 2 },
  { key: 'd3_5', label: '3–5 giorni lavorativi', csvColumn: 'chiuse_3_5_gg_lavorativi', max: 5 },
  { key: 'd6_10', label: '6–10 giorni lavorativi', csvColumn: 'chiuse_6_10_gg_lavorativi', max: 10 },
  { key: 'd11', label: 'oltre 10 giorni lavorativi', csvColumn: 'chiuse_oltre_10_gg_lavorativi', max: Number.POSITIVE_INFINITY },
] as const
export type CloseBandKey = (typeof CLOSE_BANDS)[number]['key']

export type ClosureCounts = { onTime: number; late: number } & Record<CloseBandKey, number>

/**
 * Counts by category, office and status, and the time to close (calendar days, median and
 * average) for reports received since `since`. Closures are also counted in working days, in
 * bands, and against the report's expected date. Office staff get their office's figures.
 */
export async function getReportStats(actor: StaffActor, since: Date, now = new Date()) {
  assertReportStaff(actor)
  const db = await getDb()
  const scope: SQL[] = [gte(reports.createdAt, since)]
  if (actor.role === 'office') scope.push(eq(reports.officeId, actor.officeId ?? -1))
  const where = and(...scope)
  const today = romeWallClock(now).date
  const figures = {
    total: sql<number>`count(*)::int`,
    open: sql<number>`count(*) filter (where ${reports.state} <> 'closed')::int`,
    overdue: sql<number>`count(*) filter (where ${reports.state} <> 'closed' and ${reports.dueDate} < ${today})::int`,
    // A duplicate merged into another report is not a closure: the original carries the work.
    closed: sql<number>`count(*) filter (where ${reports.state} = 'closed' and ${reports.status} <> 'duplicate')::int`,
    medianDays: sql<
      number | null
    >`round((percentile_cont(0.5) within group (order by extract(epoch from ${reports.closedAt} - ${reports.createdAt}) / 86400) filter (where ${reports.status} <> 'duplicate'))::numeric, 1)::float8`,
    averageDays: sql<
      number | null
    >`round((avg(extract(epoch from ${reports.closedAt} - ${reports.createdAt}) / 86400) filter (where ${reports.status} <> 'duplicate'))::numeric, 1)::float8`,
  }
  const group = (key: SQL, label: SQL) =>
    db
      .select({ key: sql<string>`${key}::text`, label: sql<string>`${label}`, ...figures })
      .from(reports)
      .innerJoin(categories, eq(categories.id, reports.categoryId))
      .innerJoin(offices, eq(offices.id, reports.officeId))
      .where(where)
      .groupBy(key, label)
      .orderBy(asc(label))
  const romeDay = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'Europe/Rome', 'YYYY-MM-DD')`
  const [byCategory, byOffice, byStatusRaw, total, closures, [comune]] = await Promise.all([
    group(sql`${categories.id}`, sql`${categories.name}`),
    group(sql`${offices.id}`, sql`${offices.name}`),
    group(sql`${reports.status}`, sql`${reports.status}`),
    db.select(figures).from(reports).where(where),
    // Closures grouped by day received and day closed: few rows however many reports, counted in working days below.
    db
      .select({
        categoryId: reports.categoryId,
        officeId: reports.officeId,
        received: romeDay(reports.createdAt),
        closed: romeDay(reports.closedAt),
        onTime: sql<boolean>`${romeDay(reports.closedAt)} <= ${reports.dueDate}`,
        n: sql<number>`count(*)::int`,
      })
      .from(reports)
      .where(and(where, eq(reports.state, 'closed'), sql`${reports.status} <> 'duplicate'`, sql`${reports.closedAt} is not null`))
      .groupBy(reports.categoryId, reports.officeId, sql`3`, sql`4`, sql`5`),
    db.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings),
  ])
  const byStatus = byStatusRaw.map((row) => ({
    ...row,
    label: isReportStatus(row.key) ? statusLabels[row.key] : row.key,
  }))
  const count = workingDayCounter(closures.map((c) => c.received), comune?.patronDay)
  const empty = (): ClosureCounts => ({ onTime: 0, late: 0, d0_2: 0, d3_5: 0, d6_10: 0, d11: 0 })
  const closuresBy = { category: new Map<string, ClosureCounts>(), office: new Map<string, ClosureCounts>(), all: empty() }
  for (const c of closures) {
    const days = count(c.received, c.closed)
    const band = CLOSE_BANDS.find((b) => days <= b.max)!.key
    for (const counts of [
      mapGet(closuresBy.category, String(c.categoryId), empty),
      mapGet(closuresBy.office, String(c.officeId), empty),
      closuresBy.all,
    ]) {
      counts[band] += c.n
      counts[c.onTime ? 'onTime' : 'late'] += c.n
    }
  }
  const withClosures = <T extends { key: string }>(rows: T[], map: Map<string, ClosureCounts>) => rows.map((r) => ({ ...r, closures: map.get(r.key) ?? empty() }))
  return {
    byCategory: withClosures(byCategory, closuresBy.category),
    byOffice: withClosures(byOffice, closuresBy.office),
    byStatus,
    total: total[0] ? { ...total[0], closures: closuresBy.all } : null,
    stateLabels,
  }
}

function mapGet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) map.set(key, (value = make()))
  return value
}

/**
 * Working days from one Rome date to a later one (after the first, up to and including the
 * second, as workingDaysBetween counts), through a running count over the dates involved so
 * that thousands of closures cost one pass over the calendar, not one each.
 */
function workingDayCounter(startDates: string[], patronDay: string | null | undefined) {
  const first = startDates.reduce((min, d) => (d < min ? d : min), '9999-12-31')
  const running = new Map<string, number>()
  let day = first
  let total = 0
  const ordinal = (date: string): number => {
    if (date < first) return 0
    // Extends the running count as far as asked (bounded: a Comune keeps reports for years, not centuries).
    for (let i = 0; i < 40_000 && !running.has(date); i++) {
      running.set(day, total)
      day = addDays(day, 1)
      if (isWorkingDay(day, patronDay)) total++
    }
    return running.get(date) ?? total
  }
  return (from: string, to: string) => (to <= from ? 0 : ordinal(to) - ordinal(from))
}
