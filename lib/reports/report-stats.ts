import 'server-only'
import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import type { StaffActor } from '../auth/actor'
import { romeWallClock } from '../time/rome-clock'
import { assertReportStaff } from './report-access'
import { statusLabels, isReportStatus, stateLabels } from './status-shared'

/**
 * Counts by category, office and status, and the time to close (calendar days, median and
 * average) for reports received since `since`. Office staff get their office's figures.
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
    closed: sql<number>`count(*) filter (where ${reports.state} = 'closed')::int`,
    medianDays: sql<
      number | null
    >`round((percentile_cont(0.5) within group (order by extract(epoch from ${reports.closedAt} - ${reports.createdAt}) / 86400))::numeric, 1)::float8`,
    averageDays: sql<
      number | null
    >`round(avg(extract(epoch from ${reports.closedAt} - ${reports.createdAt}) / 86400)::numeric, 1)::float8`,
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
  const [byCategory, byOffice, byStatusRaw, total] = await Promise.all([
    group(sql`${categories.id}`, sql`${categories.name}`),
    group(sql`${offices.id}`, sql`${offices.name}`),
    group(sql`${reports.status}`, sql`${reports.status}`),
    db.select(figures).from(reports).where(where),
  ])
  const byStatus = byStatusRaw.map((row) => ({
    ...row,
    label: isReportStatus(row.key) ? statusLabels[row.key] : row.key,
  }))
  return { byCategory, byOffice, byStatus, total: total[0] ?? null, stateLabels }
}
