import 'server-only'
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories, reportEvents, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { assertReportStaff, lockReportForStaff } from './report-access'

/**
 * Reports a citizen reopened ("No, non è risolto") that nobody on the staff has seen yet, oldest
 * first: the office's alert, shown above its triage list and on its dashboard. Office staff get
 * their office's only, operators and admins every office's.
 */
export async function listReopenAlerts(actor: StaffActor, limit = 20) {
  assertReportStaff(actor)
  const db = await getDb()
  const conditions: SQL[] = [isNotNull(reports.reopenAlertAt)]
  if (actor.role === 'office') conditions.push(eq(reports.officeId, actor.officeId ?? -1))
  const where = and(...conditions)
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: reports.id,
        publicCode: reports.publicCode,
        title: reports.title,
        address: reports.address,
        officeName: offices.name,
        categoryName: categories.name,
        reopenedAt: reports.reopenAlertAt,
        reopenCount: reports.reopenCount,
        // What the citizen said when they answered "No".
        citizenNote: sql<string | null>`(select ${reportEvents.note} from ${reportEvents}
          where ${reportEvents.reportId} = ${reports.id} and ${reportEvents.details}->>'reopened' = 'true'
          order by ${reportEvents.id} desc limit 1)`,
      })
      .from(reports)
      .innerJoin(offices, eq(offices.id, reports.officeId))
      .innerJoin(categories, eq(categories.id, reports.categoryId))
      .where(where)
      .orderBy(asc(reports.reopenAlertAt))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(reports).where(where),
  ])
  return { total: count?.n ?? 0, reports: rows.map((r) => ({ ...r, reopenedAt: r.reopenedAt! })) }
}

/** "Presa visione": someone who may work on the report has seen that the citizen reopened it. */
export async function acknowledgeReopenAlert(actor: StaffActor, reportId: string, now = new Date()) {
  const db = await getDb()
  await db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    if (!report.reopenAlertAt) throw new AppError('conflict', 'La riapertura è già stata presa in visione.')
    await tx.update(reports).set({ reopenAlertAt: null, updatedAt: now }).where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: 'note',
      visibility: 'internal',
      note: 'Presa visione della riapertura chiesta dal cittadino.',
      actorStaffId: actor.id,
      actorLabel: actor.name,
      details: { reopenAcknowledged: true },
    })
  })
}
