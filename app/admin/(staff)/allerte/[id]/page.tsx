import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getAlertForStaff } from '@/lib/alerts/get-alert-for-staff'
import { riskInfo, type RiskCode } from '@/lib/alerts/cap'
import { alertStateLabels, levelLabels } from '@/lib/alerts/schemas'
import { Forbidden } from '@/components/admin/forbidden'
import { EndAlertForm, OverridePublishForm, PublishAlertForm, ReturnDraftForm } from '@/components/admin/alert-actions'
import { buttonClass } from '@/components/admin/form-parts'
import { LevelBadge } from '@/components/alerts/level-badge'
import { AlertArticle } from '@/components/alerts/alert-article'
import { AlertAreaMap } from '@/components/alerts/alert-area-map'
import { countAlertAudience } from '@/lib/alerts/count-alert-audience'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { approveUpdateAction, endAlertAction, overridePublishAction, overrideUpdateAction, publishAlertAction, returnDraftAction, updateAlertAction, withdrawDraftAction, withdrawUpdateAction } from '../actions'
import { AlertUpdateForm } from '@/components/admin/alert-update-form'
import { romeDateAndTime } from '@/lib/time/rome-instant'

export const metadata: Metadata = { title: 'Allerta' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Rome' })
const msgTypes: Record<string, string> = { Alert: 'Allerta', Update: 'Aggiornamento', Cancel: 'Cessata allerta' }

function outcomeMessage(query: Record<string, string | string[] | undefined>): string | null {
  if (query.creata === '1') return 'Bozza salvata.'
  if (query.esito === 'inviata') return 'Allerta inviata per l’approvazione.'
  if (query.esito === 'pubblicata') {
    const n = Number(query.destinatari)
    return `Allerta pubblicata: raggiunge ${Number.isInteger(n) && n >= 0 ? n : 0} cittadini.`
  }
  if (query.esito === 'modificata') return 'Modifiche salvate: l’allerta è in bozza.'
  if (query.esito === 'ritirata') return 'Bozza ritirata: non sarà pubblicata.'
  if (query.esito === 'rimandata') return 'Allerta rimandata all’autore con la tua nota: non è stato inviato nulla.'
  if (query.esito === 'cessata') return 'Cessata allerta pubblicata.'
  if (query.esito === 'aggiornamento-ritirato') return 'Aggiornamento ritirato: non è stato inviato nulla.'
  if (query.esito === 'aggiornamento-inviato') return 'Aggiornamento inviato per l’approvazione.'
  if (query.esito === 'aggiornata') {
    const n = Number(query.destinatari)
    return `Aggiornamento pubblicato: raggiunge ${Number.isInteger(n) && n >= 0 ? n : 0} cittadini.`
  }
  return null
}

function localValue(instant: Date): string {
  const { date, time } = romeDateAndTime(instant)
  return `${date}T${time}`
}

function Text({ title, text }: { title: string; text: string }) {
  if (!text) return null
  return (
    <section className="mb-4">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="whitespace-pre-line">{text}</p>
    </section>
  )
}

export default async function AlertPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const alert = await unlessForbidden(() => getAlertForStaff(actor, id))
  if (alert === FORBIDDEN) return <Forbidden />
  if (!alert) notFound()
  const outcome = outcomeMessage(await searchParams)

  const levelLabel = levelLabels[alert.level as keyof typeof levelLabels] ?? alert.level
  const twoPeople = alert.level === 'arancione' || alert.level === 'rossa'
  const open = alert.state === 'draft' || alert.state === 'pending_approval'
  const ownDraft = alert.draftedBy === actor.id
  const pendingUpdate = alert.pendingUpdate
  // Before anything goes out, the person deciding sees how many phones it will wake.
  const audience = open || pendingUpdate ? await countAlertAudience(actor, alert) : null

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/allerte" className="inline-flex min-h-11 items-center text-primary underline">
          ← Allerte
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{alert.headline}</h1>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <LevelBadge level={alert.level} label={levelLabel} large />
        <span className="font-semibold">Stato: {alertStateLabels[alert.state] ?? alert.state}</span>
      </p>
      {outcome ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          {outcome}
        </p>
      ) : null}
      {alert.state === 'draft' && alert.returnNote ? (
        <section aria-labelledby="return-note" className="mb-4 rounded border-l-4 border-warning bg-white p-3">
          <h2 id="return-note" className="font-semibold">
            Rimandata indietro da {alert.returnedByName ?? '—'}
            {alert.returnedAt ? ` il ${dateTime.format(alert.returnedAt)}` : ''}
          </h2>
          <p className="whitespace-pre-line">{alert.returnNote}</p>
        </section>
      ) : null}
      {alert.override ? (
        <p className="mb-4 rounded border-l-4 border-danger bg-danger-light p-3 font-semibold text-danger">
          Pubblicata senza seconda approvazione: {alert.overrideReason ?? '—'}
        </p>
      ) : null}
      {alert.messages
        .filter((m) => m.override && m.msgType === 'Update')
        .map((m) => (
          <p key={m.id} className="mb-4 rounded border-l-4 border-danger bg-danger-light p-3 font-semibold text-danger">
            Aggiornamento del {dateTime.format(m.sent)} pubblicato senza seconda approvazione: {m.overrideReason ?? '—'}
          </p>
        ))}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 rounded border border-line bg-white p-4">
          <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">Valida dal</dt>
            <dd>{dateTime.format(alert.validFrom)}</dd>
            <dt className="font-semibold">Valida fino al</dt>
            <dd>{dateTime.format(alert.validUntil)}</dd>
            <dt className="font-semibold">Rischi</dt>
            <dd>{alert.risks.map((r) => riskInfo[r as RiskCode]?.label ?? r).join(', ')}</dd>
            <dt className="font-semibold">Fase operativa</dt>
            <dd>{alert.phase ?? 'Nessuna'}</dd>
            <dt className="font-semibold">Zone interessate</dt>
            <dd>
              {alert.drawnArea
                ? `Area disegnata sulla mappa (${alert.drawnArea.length - 1} vertici)${alert.zoneNames.length ? `, tocca: ${alert.zoneNames.join(', ')}` : ', non tocca zone del piano'}`
                : alert.zoneNames.length
                  ? alert.zoneNames.join(', ')
                  : 'Tutto il territorio'}
            </dd>
            <dt className="font-semibold">Emessa da</dt>
            <dd>{alert.issuer}</dd>
            <dt className="font-semibold">Preparata da</dt>
            <dd>{alert.draftedByName ?? '—'}</dd>
            <dt className="font-semibold">Approvata da</dt>
            <dd>{alert.approvedByName ?? '—'}</dd>
          </dl>
          {alert.drawnArea ? (
            <section className="mb-4" aria-labelledby="drawn-area">
              <h2 id="drawn-area" className="text-xl font-semibold">
                Area disegnata per questa allerta
              </h2>
              <AlertAreaMap boundary={alert.page.boundary} area={alert.drawnArea} label="Mappa del Comune con l’area dell’allerta colorata" />
            </section>
          ) : null}
          <Text title="Descrizione della situazione" text={alert.description} />
          <Text title="Cosa devono fare i cittadini" text={alert.instructions} />
          <Text title="Cosa sta facendo il Comune" text={alert.comuneActions} />
          {alert.waitingAreas.length ? (
            <section className="mb-4">
              <h2 className="text-xl font-semibold">Aree di attesa</h2>
              <ul className="list-disc pl-6">
                {alert.waitingAreas.map((a) => (
                  <li key={a.id}>
                    {a.name} · {a.address}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {alert.sourceUrl ? (
            <p className="mb-4">
              <a href={alert.sourceUrl} className="text-primary underline" rel="noopener noreferrer">
                Bollettino o ordinanza
              </a>
            </p>
          ) : null}
          <section>
            <h2 className="text-xl font-semibold">Documenti CAP</h2>
            {alert.messages.length === 0 ? (
              <p className="text-muted">Nessun messaggio pubblicato finora.</p>
            ) : (
              <ul className="list-disc pl-6">
                {alert.messages.map((m) => (
                  <li key={m.id}>
                    <a href={`/cap/alerts/${m.identifier}.xml`} className="break-all text-primary underline">
                      {m.identifier}
                    </a>{' '}
                    · {msgTypes[m.msgType] ?? m.msgType} · {dateTime.format(m.sent)}
                    {m.override ? <strong className="text-danger"> · senza seconda approvazione</strong> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <div className="grid min-w-0 content-start gap-4">
          {audience ? (
            <p role="note" className="rounded border-l-4 border-primary bg-white p-4 text-lg font-semibold">
              {pendingUpdate && !open ? 'L’aggiornamento raggiungerà' : 'Raggiungerà'} circa {audience.devices} {audience.devices === 1 ? 'dispositivo' : 'dispositivi'} ({audience.citizens === 1 ? '1 cittadino iscritto' : `${audience.citizens} cittadini iscritti`} alla Protezione civile).
            </p>
          ) : null}
          {alert.state === 'draft' && !twoPeople ? (
            <PublishAlertForm action={publishAlertAction} alertId={alert.id} seen={alert.fingerprint} label="Pubblica" hint="L’allerta arriva subito ai cittadini iscritti alla Protezione civile." />
          ) : null}
          {alert.state === 'draft' && twoPeople && ownDraft ? (
            <PublishAlertForm
              action={publishAlertAction}
              alertId={alert.id}
              seen={alert.fingerprint}
              label="Invia per l’approvazione"
              hint="Un’allerta arancione o rossa viene pubblicata quando un’altra persona la approva."
            />
          ) : null}
          {open && twoPeople && !ownDraft ? (
            <PublishAlertForm action={publishAlertAction} alertId={alert.id} seen={alert.fingerprint} label="Approva e pubblica" hint="Hai controllato l’allerta: la pubblichi per tutti i cittadini iscritti." />
          ) : null}
          {alert.state === 'pending_approval' && ownDraft ? (
            <p className="rounded border border-line bg-white p-4">In attesa che un’altra persona della Protezione civile o un amministratore la approvi.</p>
          ) : null}
          {open && ownDraft ? (
            <p>
              <Link href={`/admin/allerte/${alert.id}/modifica`} className={buttonClass}>
                Modifica la bozza
              </Link>
            </p>
          ) : null}
          {alert.state === 'pending_approval' && !ownDraft ? <ReturnDraftForm action={returnDraftAction} alertId={alert.id} seen={alert.fingerprint} /> : null}
          {open && (ownDraft || actor.role === 'admin') ? (
            <PublishAlertForm
              action={withdrawDraftAction}
              alertId={alert.id}
              seen={alert.fingerprint}
              label="Ritira la bozza"
              hint="L’allerta non sarà pubblicata e sparisce da quelle da approvare. Resta nell’elenco come ritirata."
              secondary
            />
          ) : null}
          {open && twoPeople && ownDraft && actor.role === 'admin' ? <OverridePublishForm action={overridePublishAction} alertId={alert.id} seen={alert.fingerprint} /> : null}
          {alert.state === 'active' && pendingUpdate ? (
            <section className="rounded border-l-4 border-warning bg-white p-4" aria-labelledby="pending-update">
              <h2 id="pending-update" className="mb-2 text-xl font-semibold">
                Aggiornamento in attesa di approvazione
              </h2>
              <p className="mb-2 flex flex-wrap items-center gap-2">
                <LevelBadge level={pendingUpdate.level} label={levelLabels[pendingUpdate.level as keyof typeof levelLabels] ?? pendingUpdate.level} />
                <strong>{pendingUpdate.headline}</strong>
              </p>
              <p className="mb-2">
                Chiesto da {alert.pendingRequestedByName ?? '—'} il {dateTime.format(new Date(pendingUpdate.requestedAt))}
              </p>
              <p className="mb-2 whitespace-pre-line">{pendingUpdate.description}</p>
              <p className="mb-2 whitespace-pre-line">{pendingUpdate.instructions}</p>
              <p className="mb-3">Valida fino al {dateTime.format(new Date(pendingUpdate.validUntil))}</p>
              {pendingUpdate.requestedBy !== actor.id ? (
                <PublishAlertForm action={approveUpdateAction} alertId={alert.id} seen={alert.pendingFingerprint ?? ''} label="Approva e pubblica l’aggiornamento" hint="Hai controllato l’aggiornamento: lo pubblichi per tutti i cittadini che hanno ricevuto l’allerta." />
              ) : (
                <p>In attesa che un’altra persona della Protezione civile o un amministratore lo approvi.</p>
              )}
            </section>
          ) : null}
          {alert.state === 'active' && pendingUpdate && (pendingUpdate.requestedBy === actor.id || actor.role === 'admin') ? (
            <PublishAlertForm
              action={withdrawUpdateAction}
              alertId={alert.id}
              seen={alert.pendingFingerprint ?? ''}
              label="Ritira l’aggiornamento"
              hint="Non viene inviato nulla: l’allerta resta com’è e potrai preparare un altro aggiornamento."
              secondary
            />
          ) : null}
          {alert.state === 'active' && pendingUpdate && pendingUpdate.requestedBy === actor.id && actor.role === 'admin' ? (
            <OverridePublishForm action={overrideUpdateAction} alertId={alert.id} seen={alert.pendingFingerprint ?? ''} />
          ) : null}
          {alert.state === 'active' && !pendingUpdate ? (
            <AlertUpdateForm
              action={updateAlertAction}
              alertId={alert.id}
              canOverride={actor.role === 'admin'}
              defaults={{
                level: alert.level,
                phase: alert.phase,
                headline: alert.headline,
                description: alert.description,
                instructions: alert.instructions,
                comuneActions: alert.comuneActions,
                validUntil: localValue(alert.validUntil),
              }}
            />
          ) : null}
          {alert.state === 'active' ? <EndAlertForm action={endAlertAction} alertId={alert.id} /> : null}
        </div>
      </div>
      {open || (alert.state === 'active' && pendingUpdate) ? (
        <section aria-labelledby="page-preview" className="mt-6 rounded border border-line bg-white p-4">
          <h2 id="page-preview" className="mb-1 text-xl font-semibold">
            Anteprima della pagina per i cittadini
          </h2>
          <p className="mb-4 text-muted">
            {open ? 'Così la vedranno i cittadini quando sarà pubblicata.' : 'Così la vedranno i cittadini dopo l’aggiornamento in attesa di approvazione.'}
          </p>
          <AlertArticle
            alert={
              pendingUpdate && !open
                ? {
                    ...alert.page,
                    level: pendingUpdate.level,
                    phase: pendingUpdate.phase,
                    headline: pendingUpdate.headline,
                    description: pendingUpdate.description,
                    instructions: pendingUpdate.instructions,
                    comuneActions: pendingUpdate.comuneActions,
                    validUntil: new Date(pendingUpdate.validUntil),
                  }
                : alert.page
            }
            preview
          />
        </section>
      ) : null}
    </>
  )
}