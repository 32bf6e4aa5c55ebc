import 'server-only'
import type { StaffActor } from '../auth/actor'
import { CLOSE_BANDS, getReportStats, type ClosureCounts } from './report-stats'
import { csvField } from './export-reports-csv'

/**
 * The statistics page as CSV: one row per category and per office (and the total) with the
 * counts, the closures within and past the expected date, and the closures by time to close in
 * working days. Duplicates merged into another report are not closures.
 */
export async function exportReportStatsCsv(actor: StaffActor, since: Date, now = new Date()): Promise<string> {
  const stats = await getReportStats(actor, since, now)
  const header = ['gruppo', 'voce', 'totale', 'aperte', 'in_ritardo', 'chiuse', 'chiuse_entro_obiettivo', 'chiuse_oltre_obiettivo', ...CLOSE_BANDS.map((b) => b.csvColumn), 'giorni_mediana', 'giorni_media']
  type Row = { label: string; total: number; open: number; overdue: number; closed: number; medianDays: number | null; averageDays: number | null; closures: ClosureCounts }
  const line = (group: string, r: Row) =>
    [group, r.label, r.total, r.open, r.overdue, r.closed, r.closures.onTime, r.closures.late, ...CLOSE_BANDS.map((b) => r.closures[b.key]), r.medianDays ?? '', r.averageDays ?? ''].map(csvField).join(',')
  const lines = [
    ...(stats.total ? [line('totale', { label: 'Tutte', ...stats.total })] : []),
    ...stats.byCategory.map((r) => line('categoria', r)),
    ...stats.byOffice.map((r) => line('ufficio', r)),
  ]
  return `\uFEFF${[header.map(csvField).join(','), ...lines].join('\r\n')}\r\n`
}
