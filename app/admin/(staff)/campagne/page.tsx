import type { Metadata } from 'next'
import Link from 'next/link'
import { listCampaigns } from '@/lib/campaigns/list-campaigns'
import { campaignStateLabels } from '@/lib/campaigns/schemas'
import { Forbidden } from '@/components/admin/forbidden'
import { AutoRefresh } from '@/components/admin/auto-refresh'
import { buttonClass } from '@/components/admin/form-parts'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../_lib/guard'
import { ScrollTable } from '@/components/admin/scroll-table'

export const metadata: Metadata = { title: 'Campagne' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' })

export default async function CampaignsPage() {
  const actor = await staffOrSignIn()
  const list = await unlessForbidden(() => listCampaigns(actor))
  if (list === FORBIDDEN) return <Forbidden />
  const sending = list.some((c) => c.state === 'sent' && !c.stats.finished)
  return (
    <>
      <AutoRefresh active={sending} />
      <h1 className="mb-2 text-3xl font-bold">Campagne</h1>
      <p className="mb-4">Messaggi agli iscritti di uno o più argomenti, subito o a un’ora stabilita.</p>
      <p className="mb-6">
        <Link href="/admin/campagne/nuova" className={buttonClass}>
          Nuova campagna
        </Link>
      </p>
      <p className="mb-6">
        <Link href="/admin/campagne/riepilogo" className="inline-flex min-h-11 items-center text-primary underline">
          Riepilogo settimanale degli eventi: giorno, ora, attivazione
        </Link>
      </p>
      {list.length === 0 ? (
        <p>Nessuna campagna finora.</p>
      ) : (
        <ScrollTable className="overflow-x-auto rounded border border-line bg-white" label="Campagne">
          <table className="w-full text-left">
            <thead className="bg-surface">
              <tr>
                <th scope="col" className="p-3">Campagna</th>
                <th scope="col" className="p-3">Argomenti</th>
                <th scope="col" className="p-3">Stato</th>
                <th scope="col" className="p-3">Consegnate</th>
                <th scope="col" className="p-3">Non riuscite</th>
                <th scope="col" className="p-3">Aperte</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id} className="border-t border-line align-top">
                  <td className="p-3">
                    <Link href={`/admin/campagne/${c.id}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                      {c.title}
                    </Link>
                  </td>
                  <td className="p-3">{c.topicNames.join(', ')}</td>
                  <td className="p-3">
                    {campaignStateLabels[c.state] ?? c.state}
                    <span className="block text-sm text-muted">
                      {c.state === 'scheduled' && c.scheduledFor ? `per il ${dateTime.format(c.scheduledFor)}` : c.sentAt ? dateTime.format(c.sentAt) : ''}
                    </span>
                  </td>
                  <td className="p-3 whitespace-nowrap">{c.state === 'sent' ? `${c.stats.sent} / ${c.stats.total}` : '—'}</td>
                  <td className="p-3">{c.state === 'sent' ? c.stats.failed : '—'}</td>
                  <td className="p-3">{c.state === 'sent' ? c.stats.opened : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  )
}
