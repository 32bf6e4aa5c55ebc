import 'server-only'
import { and, asc, eq, gte, type SQL } from 'drizzle-orm'
import { comuneSettings, offices } from '@/db/schema/comune'
import { categories, reports } from '@/db/schema/reports'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import type { StaffActor } from '../auth/actor'
import { romeWallClock } from '../time/rome-clock'
import { assertReportStaff } from './report-access'
import { isReportStatus, priorityLabels, statusLabels, type ReportPriority } from './status-shared'
import { workingDaysBetween } from './working-days-shared'

/** One CSV field: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

const iso = (d: Date | null) => (d ? d.toISOString() : '')

/**
 * The reports the actor may see, received since `since`, as CSV (UTF-8 with BOM, for Excel).
 * Citizens' contact details are left out: an export travels further than the screen.
 */
export async function exportReportsCsv(actor: StaffActor, since: Date): Promise<string> {
  assertReportStaff(actor)
  const db = await getDb()
  const scope: SQL[] = [gte(reports.createdAt, since)]
  if (actor.role === 'office') scope.push(eq(reports.officeId, actor.officeId ?? -1))
  const rows = await db
    .select({
      publicCode: reports.publicCode,
      createdAt: reports.createdAt,
      category: categories.name,
      office: offices.name,
      status: reports.status,
      priority: reports.priority,
      title: reports.title,
      address: reports.address,
      latitude: reports.latitude,
      longitude: reports.longitude,
      dueDate: reports.dueDate,
      closedAt: reports.closedAt,
      assignee: staffUsers.name,
      source: reports.source,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .leftJoin(staffUsers, eq(staffUsers.id, reports.assigneeId))
    .where(and(...scope))
    .orderBy(asc(reports.createdAt))
  const [comune] = await db.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings)
  // Working days, as the targets are counted; none for a duplicate, whose work the original carries.
  const workingDays = (r: { createdAt: Date; closedAt: Date | null; status: string }) =>
    r.closedAt && r.status !== 'duplicate' ? workingDaysBetween(romeWallClock(r.createdAt).date, romeWallClock(r.closedAt).date, comune?.patronDay) : ''
  const header = ['codice', 'ricevuta', 'categoria', 'ufficio', 'stato', 'priorita', 'titolo', 'indirizzo', 'latitudine', 'longitudine', 'scadenza', 'chiusa', 'giorni_per_chiudere', 'giorni_lavorativi_per_chiudere', 'assegnata_a', 'origine']
  const lines = rows.map((r) =>
    [
      r.publicCode,
      iso(r.createdAt),
      r.category,
      r.office,
      isReportStatus(r.status) ? statusLabels[r.status] : r.status,
      priorityLabels[r.priority as ReportPriority] ?? r.priority,
      r.title,
      r.address,
      r.latitude.toFixed(6),
      r.longitude.toFixed(6),
      r.dueDate,
      iso(r.closedAt),
      r.closedAt ? ((r.closedAt.getTime() - r.createdAt.getTime()) / 86_400_000).toFixed(1) : '',
      workingDays(r),
      r.assignee ?? '',
      r.source,
    ]
      .map(csvField)
      .join(','),
  )
  return `\uFEFF${[header.map(csvField).join(','), ...lines].join('\r\n')}\r\n`
}
