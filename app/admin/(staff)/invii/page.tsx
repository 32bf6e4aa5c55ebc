import type { Metadata } from 'next'
import { listBlockedPushServices, listNotificationsForStaff } from '@/lib/notify/list-notifications-for-staff'
import { Forbidden } from '@/components/admin/forbidden'
import { AutoRefresh } from '@/components/admin/auto-refresh'
import { UnblockForm } from '@/components/admin/unblock-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { unblockAction } from './actions'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Invii ai cittadini' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' })
const kinds: Record<string, string> = { news: 'Notizia', event: 'Evento', test: 'Prova', alert: 'Allerta', campaign: 'Campagna', report: 'Segnalazione', chat: 'Chat' }
const states: Record<string, string> = { queued: 'In coda', sending: 'Invio in corso', done: 'Completato' }

export default async function DeliveriesPage() {
  const actor = await staffOrSignIn()
  const loaded = await unlessForbidden(async () => ({
    list: await listNotificationsForStaff(actor),
    blocked: await listBlockedPushServices(actor),
  }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { list, blocked } = loaded
  const sending = list.some((n) => n.state !== 'done')
  return (
    <>
      <AutoRefresh active={sending} />
      <h1 className="mb-2 text-3xl font-bold">Invii ai cittadini</h1>
      <p className="mb-4">Ogni messaggio arriva nelle notifiche dell’app di chi lo riceve e, con una notifica push, sui loro dispositivi. La pagina si aggiorna da sola durante gli invii.</p>
      {blocked.length ? (
        <section aria-labelledby="blocked-heading" className="mb-6 rounded border-l-4 border-danger bg-danger-light p-4">
          <h2 id="blocked-heading" className="mb-2 text-xl font-bold text-danger">Servizi di notifica sospesi</h2>
          <p className="mb-3">Questi servizi hanno rifiutato le credenziali di Filo: gli invii verso di loro sono fermi finché un amministratore non li riattiva.</p>
          <ul className="grid gap-3">
            {blocked.map((b) => (
              <li key={b.origin} className="rounded bg-white p-3">
                <p className="font-semibold">
                  {b.origin} · risposta {b.status} · dal {dateTime.format(b.blockedAt)}
                </p>
                <p className="mb-2 text-muted">{b.reason}</p>
                {actor.role === 'admin' ? <UnblockForm action={unblockAction} origin={b.origin} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.length === 0 ? (
        <p>Nessun messaggio inviato finora.</p>
      ) : (
        <ScrollTable className="overflow-x-auto rounded border border-line bg-white" label="Messaggi inviati">
          <table className="w-full text-left">
            <thead className="bg-surface">
              <tr>
                <th scope="col" className="p-3">Quando</th>
                <th scope="col" className="p-3">Messaggio</th>
                <th scope="col" className="p-3">Destinatari</th>
                <th scope="col" className="p-3">Stato</th>
                <th scope="col" className="p-3">Consegnate</th>
                <th scope="col" className="p-3">Non più iscritti</th>
                <th scope="col" className="p-3">Non riuscite</th>
              </tr>
            </thead>
            <tbody>
              {list.map((n) => (
                <tr key={n.id} className="border-t border-line align-top">
                  <td className="p-3 whitespace-nowrap">{dateTime.format(n.createdAt)}</td>
                  <td className="p-3">
                    <span className="font-semibold">{n.title}</span>
                    <span className="block text-sm text-muted">{kinds[n.kind] ?? n.kind}</span>
                  </td>
                  <td className="p-3">{n.personal ? 'Un cittadino' : `Argomento: ${n.topicName ?? '—'}`}</td>
                  <td className="p-3">{states[n.state] ?? n.state}</td>
                  <td className="p-3 whitespace-nowrap">
                    {n.sent} / {n.total}
                    {n.total > 0 ? (
                      <progress className="block w-24" value={n.sent + n.gone + n.failed} max={n.total} aria-label={`Avanzamento: ${n.sent + n.gone + n.failed} di ${n.total}`} />
                    ) : null}
                  </td>
                  <td className="p-3">{n.gone}</td>
                  <td className="p-3">{n.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  )
}
