import type { Metadata } from 'next'
import Link from 'next/link'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/admin/form-parts'
import { ReopenAlerts } from '@/components/reports/reopen-alerts'
import { ToggleReportsMap } from '@/components/reports/toggle-map'
import { listReopenAlerts } from '@/lib/reports/reopen-alerts'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { staffReportFilterSchema } from '@/lib/reports/schemas'
import { countReportsForStaff, listReportFilterOptions, listReportsForStaff, TRIAGE_PAGE_SIZE } from '@/lib/reports/staff-reports'
import { priorityLabels, stateLabels, statusLabels, REPORT_PRIORITIES, type ReportPriority, type ReportStatus } from '@/lib/reports/status-shared'
import { isOverdue } from '@/lib/reports/working-days-shared'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { staffDate } from '../../_lib/staff-dates'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Segnalazioni' }

const count = new Intl.NumberFormat('it-IT')

export default async function StaffReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const params = await searchParams
  const filter = staffReportFilterSchema.parse({
    state: params.stato,
    categoryId: params.categoria || undefined,
    officeId: params.ufficio || undefined,
    priority: params.priorita || undefined,
    olderThanDays: params.piuVecchie || undefined,
    overdue: params.ritardo || undefined,
    q: params.q || undefined,
    page: params.pagina || undefined,
  })
  const loaded = await unlessForbidden(async () =>
    Promise.all([listReportsForStaff(actor, filter), countReportsForStaff(actor, filter), listReportFilterOptions(actor), getReportFormSetup(), listReopenAlerts(actor)]),
  )
  if (loaded === FORBIDDEN) return <Forbidden />
  const [list, total, options, setup, reopened] = loaded
  const page = filter.page ?? 1
  const pages = Math.max(1, Math.ceil(total / TRIAGE_PAGE_SIZE))
  const first = (page - 1) * TRIAGE_PAGE_SIZE + 1
  // Page links keep the filters the person chose.
  const pageHref = (n: number) => {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string' && value && key !== 'pagina') query.set(key, value)
    if (n > 1) query.set('pagina', String(n))
    const text = query.toString()
    return text ? `/admin/segnalazioni?${text}` : '/admin/segnalazioni'
  }
  const now = new Date()
  const exportQuery = new URLSearchParams({ giorni: '365' })
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Segnalazioni</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/segnalazioni/statistiche" className={secondaryButtonClass}>Statistiche</Link>
          <Link href={`/admin/segnalazioni/esporta?${exportQuery}`} className={secondaryButtonClass}>Esporta CSV (12 mesi)</Link>
          <Link href="/admin/segnalazioni/regole" className={secondaryButtonClass}>Regole di instradamento</Link>
        </div>
      </div>
      {actor.role === 'office' ? <p className="mb-4">Vedi le segnalazioni assegnate al tuo ufficio.</p> : null}
      <ReopenAlerts alerts={reopened.reports} total={reopened.total} headingId="riaperte" showOffice={actor.role !== 'office'} />

      <form method="get" className="mb-4 grid gap-3 rounded border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filtri">
        <div>
          <label htmlFor="stato" className={labelClass}>Stato</label>
          <select id="stato" name="stato" defaultValue={filter.state} className={inputClass}>
            <option value="open">Aperte (tutte tranne chiuse)</option>
            {Object.entries(stateLabels).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
            <option value="all">Tutte</option>
          </select>
        </div>
        <div>
          <label htmlFor="categoria" className={labelClass}>Categoria</label>
          <select id="categoria" name="categoria" defaultValue={filter.categoryId ?? ''} className={inputClass}>
            <option value="">Tutte</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        {actor.role !== 'office' ? (
          <div>
            <label htmlFor="ufficio" className={labelClass}>Ufficio</label>
            <select id="ufficio" name="ufficio" defaultValue={filter.officeId ?? ''} className={inputClass}>
              <option value="">Tutti</option>
              {options.offices.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="priorita" className={labelClass}>Priorità</label>
          <select id="priorita" name="priorita" defaultValue={filter.priority ?? ''} className={inputClass}>
            <option value="">Tutte</option>
            {REPORT_PRIORITIES.map((p) => (
              <option key={p} value={p}>{priorityLabels[p]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="piuVecchie" className={labelClass}>Ricevute da più di (giorni)</label>
          <input id="piuVecchie" name="piuVecchie" type="number" min={1} max={3650} defaultValue={filter.olderThanDays ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="q" className={labelClass}>Cerca (codice, titolo, indirizzo)</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end">
          <label className="flex min-h-11 items-center gap-2 font-semibold">
            <input type="checkbox" name="ritardo" value="1" defaultChecked={filter.overdue === '1'} className="size-5" />
            Solo in ritardo
          </label>
        </div>
        <div className="flex items-end">
          <button type="submit" className={buttonClass}>Filtra</button>
        </div>
      </form>

      <ToggleReportsMap
        markers={list.map((r) => ({ lat: r.latitude, lon: r.longitude, label: `${r.publicCode}: ${r.title}`, href: `/admin/segnalazioni/${r.id}` }))}
        center={setup.center}
        tileUrl={setup.tileUrl}
        attribution={setup.attribution}
        labels={{ show: 'Mostra sulla mappa', hide: 'Nascondi la mappa', region: 'Mappa delle segnalazioni filtrate', tilesUnavailable: 'La mappa non si carica: usa l’elenco.' }}
      />

      <h2 className="mb-2 text-xl font-semibold">
        {total === 1 ? '1 segnalazione' : `${count.format(total)} segnalazioni`}
        {total > list.length && list.length > 0 ? <span className="font-normal"> · mostrate {count.format(first)}–{count.format(first + list.length - 1)}</span> : null}
      </h2>
      {list.length ? (
        <ScrollTable className="overflow-x-auto rounded border border-line bg-white" label="Elenco delle segnalazioni">
          <table className="w-full text-left">
            <thead className="bg-surface">
              <tr>
                <th scope="col" className="p-3">Segnalazione</th>
                <th scope="col" className="p-3">Categoria e ufficio</th>
                <th scope="col" className="p-3">Stato</th>
                <th scope="col" className="p-3">Priorità</th>
                <th scope="col" className="p-3">Ricevuta</th>
                <th scope="col" className="p-3">Scadenza</th>
                <th scope="col" className="p-3">Assegnata a</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => {
                const late = isOverdue(r.dueDate, r.state !== 'closed', now)
                return (
                  <tr key={r.id} className={`border-t border-line align-top ${late ? 'bg-danger-light' : ''}`}>
                    <th scope="row" className="p-3 font-semibold">
                      <Link href={`/admin/segnalazioni/${r.id}`} className="inline-flex min-h-11 items-center text-primary underline">{r.publicCode} · {r.title}</Link>
                      <span className="block font-normal text-muted">{r.address}</span>
                    </th>
                    <td className="p-3">{r.categoryName}<span className="block text-muted">{r.officeName}</span></td>
                    <td className="p-3">
                      {statusLabels[r.status as ReportStatus] ?? r.status}
                      {r.reopenCount > 0 && r.state !== 'closed' ? <span className="block font-bold text-danger">Riaperta dal cittadino</span> : null}
                    </td>
                    <td className="p-3">{priorityLabels[r.priority as ReportPriority]}</td>
                    <td className="p-3">{staffDate(r.createdAt)}</td>
                    <td className="p-3">{staffDate(r.dueDate)}{late ? <span className="block font-bold text-danger">In ritardo</span> : null}</td>
                    <td className="p-3">{r.assigneeName ?? '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{page > 1 && total > 0 ? 'Questa pagina è oltre la fine dell’elenco.' : 'Nessuna segnalazione con questi filtri.'}</p>
      )}
      {pages > 1 || page > 1 ? (
        <nav aria-label="Pagine dell’elenco" className="mt-4 flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(Math.min(page - 1, pages))} className={secondaryButtonClass} rel="prev">
              ← Precedenti
            </Link>
          ) : null}
          <span>Pagina {count.format(Math.min(page, pages))} di {count.format(pages)}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className={secondaryButtonClass} rel="next">
              Successive →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
