import type { Metadata } from 'next'
import Link from 'next/link'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass, inputClass, labelClass } from '@/components/admin/form-parts'
import { CLOSE_BANDS, getReportStats, type ClosureCounts } from '@/lib/reports/report-stats'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Statistiche delle segnalazioni' }

type Row = { key: string; label: string; total: number; open: number; overdue: number; closed: number; medianDays: number | null; averageDays: number | null }

function Table({ caption, rows }: { caption: string; rows: Row[] }) {
  const days = (v: number | null) => (v === null ? '—' : v.toLocaleString('it-IT'))
  return (
    <ScrollTable className="mb-6 overflow-x-auto rounded border border-line bg-white" label={caption}>
      <table className="w-full text-left">
        <caption className="p-3 text-left text-xl font-semibold">{caption}</caption>
        <thead className="bg-surface">
          <tr>
            <th scope="col" className="p-2">Voce</th>
            <th scope="col" className="p-2">Totale</th>
            <th scope="col" className="p-2">Aperte</th>
            <th scope="col" className="p-2">In ritardo</th>
            <th scope="col" className="p-2">Chiuse</th>
            <th scope="col" className="p-2">Giorni per chiudere (mediana)</th>
            <th scope="col" className="p-2">Giorni per chiudere (media)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-line">
              <th scope="row" className="p-2 font-normal">{r.label}</th>
              <td className="p-2">{r.total}</td>
              <td className="p-2">{r.open}</td>
              <td className="p-2">{r.overdue}</td>
              <td className="p-2">{r.closed}</td>
              <td className="p-2">{days(r.medianDays)}</td>
              <td className="p-2">{days(r.averageDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  )
}

function ClosureTable({ caption, rows }: { caption: string; rows: Array<{ key: string; label: string; closed: number; closures: ClosureCounts }> }) {
  return (
    <ScrollTable className="mb-6 overflow-x-auto rounded border border-line bg-white" label={caption}>
      <table className="w-full text-left">
        <caption className="p-3 text-left text-xl font-semibold">{caption}</caption>
        <thead className="bg-surface">
          <tr>
            <th scope="col" className="p-2">Voce</th>
            <th scope="col" className="p-2">Chiuse</th>
            <th scope="col" className="p-2">Entro l’obiettivo</th>
            <th scope="col" className="p-2">Oltre l’obiettivo</th>
            {CLOSE_BANDS.map((b) => <th key={b.key} scope="col" className="p-2">{b.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-line">
              <th scope="row" className="p-2 font-normal">{r.label}</th>
              <td className="p-2">{r.closed}</td>
              <td className="p-2">{r.closures.onTime}</td>
              <td className="p-2">{r.closures.late}</td>
              {CLOSE_BANDS.map((b) => <td key={b.key} className="p-2">{r.closures[b.key]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  )
}

export default async function ReportStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const raw = Number((await searchParams).giorni ?? 365)
  const days = Number.isInteger(raw) && raw >= 1 && raw <= 3650 ? raw : 365
  const stats = await unlessForbidden(() => getReportStats(actor, daysAgo(days)))
  if (stats === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2"><Link href="/admin/segnalazioni" className="inline-flex min-h-11 items-center text-primary underline">← Segnalazioni</Link></p>
      <h1 className="mb-4 text-3xl font-bold">Statistiche delle segnalazioni</h1>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="giorni" className={labelClass}>Ricevute negli ultimi (giorni)</label>
          <input id="giorni" name="giorni" type="number" min={1} max={3650} defaultValue={days} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass}>Aggiorna</button>
        <Link href={`/admin/segnalazioni/esporta?giorni=${days}`} className={buttonClass}>Esporta le segnalazioni (CSV)</Link>
        <Link href={`/admin/segnalazioni/esporta?giorni=${days}&tipo=riepilogo`} className={buttonClass}>Esporta i conteggi (CSV)</Link>
      </form>
      <p className="mb-4 max-w-prose">
        Le segnalazioni unite a un’altra come duplicati non contano come chiuse. «Entro l’obiettivo»: chiuse entro la data prevista (i giorni
        lavorativi della categoria, contati dalla ricezione o dall’ultima riapertura).
      </p>
      <Table caption="Totale" rows={stats.total ? [{ key: 'all', label: 'Tutte', ...stats.total }] : []} />
      <Table caption="Per categoria" rows={stats.byCategory} />
      <Table caption="Per ufficio" rows={stats.byOffice} />
      <Table caption="Per stato" rows={stats.byStatus} />
      <h2 className="mb-2 text-2xl font-semibold">Tempo per chiudere, in giorni lavorativi</h2>
      <ClosureTable caption="Chiusure per categoria" rows={stats.byCategory} />
      <ClosureTable caption="Chiusure per ufficio" rows={stats.byOffice} />
    </>
  )
}

function daysAgo(days: number): Date {
  const since = new Date()
  since.setTime(since.getTime() - days * 86_400_000)
  return since
}
