// GET /admin/segnalazioni/esporta?giorni=365[&tipo=riepilogo] – the reports the signed-in staff member may see (or their counts), as CSV
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'
import { exportReportStatsCsv } from '@/lib/reports/export-report-stats-csv'
import { exportReportsCsv } from '@/lib/reports/export-reports-csv'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  try {
    const actor = await getCurrentStaff()
    if (!actor) throw new AppError('unauthenticated', 'Accedi per esportare le segnalazioni.')
    const params = new URL(request.url).searchParams
    const raw = Number(params.get('giorni') ?? 365)
    const days = Number.isInteger(raw) && raw >= 1 && raw <= 3650 ? raw : 365
    const summary = params.get('tipo') === 'riepilogo'
    const since = new Date(Date.now() - days * 86_400_000)
    const csv = summary ? await exportReportStatsCsv(actor, since) : await exportReportsCsv(actor, since)
    const stamp = `${summary ? 'riepilogo-' : ''}${new Date().toISOString().slice(0, 10)}`
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="segnalazioni-${stamp}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
