import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getCampaign } from '@/lib/campaigns/list-campaigns'
import { campaignStateLabels } from '@/lib/campaigns/schemas'
import { Forbidden } from '@/components/admin/forbidden'
import { AutoRefresh } from '@/components/admin/auto-refresh'
import { CancelCampaignForm } from '@/components/admin/cancel-campaign-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { cancelCampaignAction } from '../actions'

export const metadata: Metadata = { title: 'Campagna' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Rome' })

function outcomeMessage(query: Record<string, string | string[] | undefined>): string | null {
  if (query.esito === 'programmata') return 'Campagna programmata.'
  if (query.esito === 'annullata') return 'Campagna annullata: non verrà inviata.'
  if (query.esito === 'inviata') {
    const n = Number(query.dispositivi)
    return `Campagna inviata a ${Number.isInteger(n) && n >= 0 ? n : 0} dispositivi.`
  }
  return null
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const campaign = await unlessForbidden(() => getCampaign(actor, id))
  if (campaign === FORBIDDEN) return <Forbidden />
  if (!campaign) notFound()
  const outcome = outcomeMessage(await searchParams)
  const { stats } = campaign
  return (
    <>
      <AutoRefresh active={campaign.state === 'sent' && !stats.finished} />
      <p className="mb-2">
        <Link href="/admin/campagne" className="inline-flex min-h-11 items-center text-primary underline">
          ← Campagne
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{campaign.title}</h1>
      <p className="mb-4 font-semibold">Stato: {campaignStateLabels[campaign.state] ?? campaign.state}</p>
      {outcome ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          {outcome}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 rounded border border-line bg-white p-4">
          <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">Argomenti</dt>
            <dd>{campaign.topicNames.join(', ')}</dd>
            <dt className="font-semibold">Apre la pagina</dt>
            <dd>{campaign.url}</dd>
            <dt className="font-semibold">Preparata da</dt>
            <dd>{campaign.authorName ?? '—'}</dd>
            {campaign.scheduledFor ? (
              <>
                <dt className="font-semibold">Programmata per</dt>
                <dd>{dateTime.format(campaign.scheduledFor)}</dd>
              </>
            ) : null}
            {campaign.sentAt ? (
              <>
                <dt className="font-semibold">Inviata</dt>
                <dd>{dateTime.format(campaign.sentAt)}</dd>
              </>
            ) : null}
            {campaign.cancelledAt ? (
              <>
                <dt className="font-semibold">Annullata</dt>
                <dd>{dateTime.format(campaign.cancelledAt)}</dd>
              </>
            ) : null}
          </dl>
          <h2 className="text-xl font-semibold">Messaggio</h2>
          <p className="whitespace-pre-line">{campaign.body}</p>
        </div>
        <div className="grid min-w-0 content-start gap-4">
          {campaign.state === 'sent' ? (
            <section className="rounded border border-line bg-white p-4" aria-labelledby="stats-heading">
              <h2 id="stats-heading" className="mb-2 text-xl font-semibold">
                Statistiche
              </h2>
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid="campaign-stats">
                <dt>Dispositivi raggiunti all’invio</dt>
                <dd className="text-right font-semibold">{campaign.devices ?? 0}</dd>
                <dt>Consegnate</dt>
                <dd className="text-right font-semibold">{stats.sent}</dd>
                <dt>Non riuscite</dt>
                <dd className="text-right font-semibold">{stats.failed}</dd>
                <dt>Dispositivi non più iscritti</dt>
                <dd className="text-right font-semibold">{stats.gone}</dd>
                <dt>In corso</dt>
                <dd className="text-right font-semibold">{stats.pending}</dd>
                <dt>Cittadini che l’hanno aperta</dt>
                <dd className="text-right font-semibold">{stats.opened}</dd>
                <dt>Nei messaggi dell’app di</dt>
                <dd className="text-right font-semibold">{stats.inbox} cittadini</dd>
              </dl>
              {stats.total > 0 ? (
                <progress className="mt-3 block w-full" value={stats.sent + stats.failed + stats.gone} max={stats.total} aria-label={`Avanzamento: ${stats.sent + stats.failed + stats.gone} di ${stats.total}`} />
              ) : null}
            </section>
          ) : null}
          {campaign.state === 'scheduled' ? <CancelCampaignForm action={cancelCampaignAction} campaignId={campaign.id} /> : null}
        </div>
      </div>
    </>
  )
}
