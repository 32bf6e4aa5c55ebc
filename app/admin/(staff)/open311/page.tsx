import type { Metadata } from 'next'
import { listOpen311Clients } from '@/lib/open311/manage-clients'
import { open311BaseUrl } from '@/lib/open311/discovery'
import { Forbidden } from '@/components/admin/forbidden'
import { StatusPill } from '@/components/ui/status-pill'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { formatRome } from '../../_lib/content-outcome'
import { issueOpen311KeyAction, revokeOpen311KeyAction } from './actions'
import { IssueKeyForm } from './_components/issue-key-form'
import { RevokeKeyForm } from './_components/revoke-key-form'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Open311' }

export default async function Open311Page() {
  const actor = await staffOrSignIn()
  const clients = await unlessForbidden(() => listOpen311Clients(actor))
  if (clients === FORBIDDEN) return <Forbidden />
  const base = open311BaseUrl()
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Open311</h1>
      <p className="mb-2 max-w-prose">
        Altri sistemi (FixMyStreet, app di quartiere) possono inviare segnalazioni al Comune con lo standard Open311 GeoReport v2.
        Le segnalazioni arrivano nella coda di smistamento come quelle dei cittadini. Per leggere non serve una chiave; per inviare,
        ogni client usa la sua chiave.
      </p>
      <p className="mb-4">
        Indirizzo del servizio: <code className="break-all">{base}</code> (elenco: <a className="text-primary underline" href="/open311/v2/discovery.xml">discovery.xml</a>)
      </p>
      <ScrollTable className="mb-6 overflow-x-auto rounded border border-line bg-white" label="Client Open311">
        <table className="w-full text-left">
          <caption className="sr-only">Client Open311 e le loro chiavi</caption>
          <thead className="bg-surface">
            <tr>
              <th scope="col" className="p-3">Client</th>
              <th scope="col" className="p-3">Chiave</th>
              <th scope="col" className="p-3">Segnalazioni</th>
              <th scope="col" className="p-3">Ultimo uso</th>
              <th scope="col" className="p-3">Stato</th>
            </tr>
          </thead>
          <tbody>
            {clients.length === 0 ? (
              <tr>
                <td colSpan={5} className="p-3">Nessun client: rilascia la prima chiave qui sotto.</td>
              </tr>
            ) : null}
            {clients.map((client) => (
              <tr key={client.id} className="border-t border-line align-top">
                <th scope="row" className="p-3 font-semibold">
                  {client.name}
                  {client.contact ? <span className="block font-normal">{client.contact}</span> : null}
                  <span className="block text-sm font-normal">Rilasciata il {formatRome(client.createdAt)}</span>
                </th>
                <td className="p-3 font-mono">{client.keyHint}</td>
                <td className="p-3">{client.reports}</td>
                <td className="p-3">{client.lastUsedAt ? formatRome(client.lastUsedAt) : 'Mai'}</td>
                <td className="p-3">
                  {client.revokedAt ? (
                    <StatusPill tone="danger">Revocata il {formatRome(client.revokedAt)}</StatusPill>
                  ) : (
                    <div className="flex flex-col gap-2">
                      <StatusPill tone="success">Attiva</StatusPill>
                      <RevokeKeyForm action={revokeOpen311KeyAction} clientId={client.id} clientName={client.name} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <IssueKeyForm action={issueOpen311KeyAction} />
    </>
  )
}
