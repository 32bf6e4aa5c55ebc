import type { Metadata } from 'next'
import Link from 'next/link'
import { listAlertsForStaff } from '@/lib/alerts/list-alerts-for-staff'
import { alertStateLabels, alertStates, levelLabels } from '@/lib/alerts/schemas'
import { Forbidden } from '@/components/admin/forbidden'
import { buttonClass } from '@/components/admin/form-parts'
import { LevelBadge } from '@/components/alerts/level-badge'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'

export const metadata: Metadata = { title: 'Allerte' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' })

export default async function AlertsPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listAlertsForStaff(actor))
  if (list === FORBIDDEN) return <Forbidden />
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Allerte</h1>
        <Link href="/admin/allerte/nuova" className={buttonClass}>
          Nuova allerta
        </Link>
      </div>
      {list.length === 0 ? <p>Nessuna allerta finora.</p> : null}
      {alertStates.map((state) => {
        const rows = list.filter((a) => a.state === state)
        if (rows.length === 0) return null
        const label = alertStateLabels[state] ?? state
        return (
          <section key={state} aria-labelledby={`state-${state}`} className="mb-6">
            <h2 id={`state-${state}`} className="mb-2 text-xl font-semibold">
              {label} ({rows.length})
            </h2>
            <div className="overflow-x-auto rounded border border-line bg-white" tabIndex={0} role="region" aria-label={`Allerte: ${label}`}>
              <table className="w-full text-left">
                <thead className="bg-surface">
                  <tr>
                    <th scope="col" className="p-3">Titolo</th>
                    <th scope="col" className="p-3">Livello</th>
                    <th scope="col" className="p-3">Validità</th>
                    <th scope="col" className="p-3">Preparata da</th>
                    <th scope="col" className="p-3">Approvata da</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.id} className="border-t border-line align-top">
                      <th scope="row" className="p-3 font-semibold">
                        <Link href={`/admin/allerte/${a.id}`} className="inline-flex min-h-11 items-center text-primary underline">
                          {a.headline}
                        </Link>
                      </th>
                      <td className="p-3">
                        <LevelBadge level={a.level} label={levelLabels[a.level as keyof typeof levelLabels] ?? a.level} />
                      </td>
                      <td className="p-3">
                        {dateTime.format(a.validFrom)} – {dateTime.format(a.validUntil)}
                      </td>
                      <td className="p-3">{a.draftedByName ?? '—'}</td>
                      <td className="p-3">{a.override ? 'Senza seconda approvazione' : (a.approvedByName ?? '—')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      })}
    </>
  )
}
