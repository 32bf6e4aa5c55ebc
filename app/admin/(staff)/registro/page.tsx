import type { Metadata } from 'next'
import Link from 'next/link'
import { listAuditLog } from '@/lib/audit/list-audit-log'
import { auditActionLabels, isAuditAction } from '@/lib/audit/labels'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass, inputClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Registro attività' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' })

const assignmentModes = { me: 'presa in carico', staff: 'data a un collega', office: 'passata a un ufficio', 'round-robin': 'assegnata a turno', reply: 'presa rispondendo' } as const

function describe(details: Record<string, unknown>): string {
  const parts: string[] = []
  if (typeof details.title === 'string') parts.push(`«${details.title}»`)
  if (typeof details.headline === 'string') parts.push(`«${details.headline}»`)
  if (typeof details.name === 'string') parts.push(details.name)
  if (typeof details.level === 'string') parts.push(`livello ${details.level}`)
  if (typeof details.recipients === 'number') parts.push(`${details.recipients} destinatari`)
  if (typeof details.devices === 'number') parts.push(`${details.devices} dispositivi`)
  if (typeof details.sent === 'number') parts.push(`consegnata a ${details.sent}`)
  if (typeof details.gone === 'number' && details.gone > 0) parts.push(`${details.gone} non più attivi`)
  if (typeof details.failed === 'number' && details.failed > 0) parts.push(`${details.failed} non riuscite`)
  if (typeof details.seconds === 'number') parts.push(`in ${details.seconds.toLocaleString('it-IT')} s`)
  if (typeof details.reason === 'string') parts.push(`motivo: ${details.reason}`)
  if (typeof details.email === 'string') parts.push(details.email)
  if (typeof details.assignee === 'string') parts.push(`a ${details.assignee}`)
  if (typeof details.office === 'string') parts.push(details.office)
  if (typeof details.mode === 'string' && details.mode in assignmentModes) parts.push(assignmentModes[details.mode as keyof typeof assignmentModes])
  if (typeof details.role === 'string') parts.push(`ruolo ${details.role}`)
  if (typeof details.by === 'string') parts.push(details.by === 'ip' ? 'limite per indirizzo IP' : 'limite per account')
  return parts.join(' · ')
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const params = await searchParams
  const action = isAuditAction(params.azione) ? params.azione : undefined
  const before = typeof params.prima === 'string' && /^\d+$/.test(params.prima) ? Number(params.prima) : undefined
  const page = await unlessForbidden(() => listAuditLog(actor, { action, before }))
  if (page === FORBIDDEN) return <Forbidden />
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Registro attività</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="azione" className="block font-semibold">
            Tipo di attività
          </label>
          <select id="azione" name="azione" defaultValue={action ?? ''} className={inputClass}>
            <option value="">Tutte</option>
            {Object.entries(auditActionLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          Filtra
        </button>
      </form>
      {page.entries.length === 0 ? (
        <p>Nessuna attività registrata{action ? ' di questo tipo' : ''}.</p>
      ) : (
        <ScrollTable className="overflow-x-auto rounded border border-line bg-white" label="Attività registrate">
          <table className="w-full text-left">
            <thead className="bg-surface">
              <tr>
                <th scope="col" className="p-3">Quando</th>
                <th scope="col" className="p-3">Attività</th>
                <th scope="col" className="p-3">Chi</th>
                <th scope="col" className="p-3">Dettagli</th>
                <th scope="col" className="p-3">Indirizzo IP</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id} className="border-t border-line align-top">
                  <td className="p-3 whitespace-nowrap">{dateTime.format(entry.at)}</td>
                  <td className="p-3 font-semibold">{isAuditAction(entry.action) ? auditActionLabels[entry.action] : entry.action}</td>
                  <td className="p-3">{entry.actorLabel}</td>
                  <td className="p-3">{describe(entry.details)}</td>
                  <td className="p-3">{entry.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {page.nextBefore ? (
        <p className="mt-4">
          <Link
            href={`/admin/registro?${new URLSearchParams({ ...(action ? { azione: action } : {}), prima: String(page.nextBefore) })}`}
            className="text-primary underline"
          >
            Attività precedenti
          </Link>
        </p>
      ) : null}
    </>
  )
}
