import 'server-only'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { reports, type Report } from '@/db/schema/reports'
import { assertRole, type StaffActor } from '../auth/actor'
import { AppError } from '../errors'

/** Operators and admins triage every report; office staff work on what is routed to their office. */
export const REPORT_STAFF_ROLES = ['admin', 'operator', 'office'] as const

export function assertReportStaff(actor: StaffActor | null | undefined): asserts actor is StaffActor {
  assertRole(actor, REPORT_STAFF_ROLES)
}

export function canSeeReport(actor: StaffActor, report: Pick<Report, 'officeId'>): boolean {
  return actor.role !== 'office' || actor.officeId === report.officeId
}

/**
 * The report, locked for the rest of the transaction, if the actor may work on it. A report of
 * another office is "not found" for office staff: they do not learn it exists.
 */
export async function lockReportForStaff(tx: DbOrTx, actor: StaffActor, reportId: string): Promise<Report> {
  assertReportStaff(actor)
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new AppError('not_found', 'Segnalazione non trovata.')
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update')
  if (!report || !canSeeReport(actor, report)) throw new AppError('not_found', 'Segnalazione non trovata.')
  return report
}
