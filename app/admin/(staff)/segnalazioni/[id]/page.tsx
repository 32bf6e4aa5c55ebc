import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Forbidden } from '@/components/admin/forbidden'
import { inputClass, labelClass } from '@/components/admin/form-parts'
import { ReopenAlertBanner } from '@/components/reports/reopen-alert-banner'
import { StaffActionForm } from '@/components/reports/staff-action-form'
import { TemplatePicker } from '@/components/reports/template-picker'
import { getReportForStaff } from '@/lib/reports/staff-reports'
import { allowedTransitions, isReportStatus, priorityLabels, REPORT_PRIORITIES, stateLabels, statusLabels, type ReportStatus } from '@/lib/reports/status-shared'
import { isOverdue } from '@/lib/reports/working-days-shared'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { acknowledgeReopenAction, addNoteAction, assignAction, changeStatusAction, mergeAction, priorityAction, reassignAction, reviewPhotoAction } from '../actions'
import { staffDate } from '../../../_lib/staff-dates'

export const metadata: Metadata = { title: 'Segnalazione' }

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' })

export default async function StaffReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  const report = await unlessForbidden(() => getReportForStaff(actor, id))
  if (report === FORBIDDEN) return <Forbidden />
  if (!report) notFound()
  const status: ReportStatus = isReportStatus(report.status) ? report.status : 'received'
  const moves = allowedTransitions(status)
  const late = isOverdue(report.dueDate, report.state !== 'closed', new Date())
  const card = 'mb-4 rounded border border-line bg-white p-4'
  const hidden = <input type="hidden" name="reportId" value={report.id} />

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/segnalazioni" className="inline-flex min-h-11 items-center text-primary underline">← Tutte le segnalazioni</Link>
      </p>
      <h1 className="mb-1 text-3xl font-bold">{report.title}</h1>
      <p className="mb-4 text-lg">
        <span className="font-mono font-semibold">{report.publicCode}</span> · {report.categoryName} ·{' '}
        <Link href={`/segnalazioni/${report.publicCode}`} className="inline-flex min-h-11 items-center text-primary underline">Pagina pubblica</Link>
      </p>

      <ReopenAlertBanner reportId={report.id} reopenedAt={report.reopenAlertAt ? dateTime.format(report.reopenAlertAt) : null} action={acknowledgeReopenAction} />

      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <section aria-labelledby="dati" className={card}>
            <h2 id="dati" className="mb-2 text-xl font-semibold">Dati</h2>
            <dl className="grid gap-2 sm:grid-cols-2">
              <div><dt className="font-semibold">Stato</dt><dd data-testid="staff-status">{statusLabels[status]} ({stateLabels[report.state]})</dd></div>
              <div><dt className="font-semibold">Priorità</dt><dd>{priorityLabels[report.priority]}</dd></div>
              <div><dt className="font-semibold">Ufficio</dt><dd data-testid="staff-office">{report.officeName}</dd></div>
              <div><dt className="font-semibold">Assegnata a</dt><dd>{report.assigneeName ?? '—'}</dd></div>
              <div><dt className="font-semibold">Ricevuta</dt><dd>{dateTime.format(report.createdAt)}</dd></div>
              <div>
                <dt className="font-semibold">Scadenza (giorni lavorativi)</dt>
                <dd>{staffDate(report.dueDate)}{late ? <strong className="ml-2 text-danger">In ritardo</strong> : null}</dd>
              </div>
              <div><dt className="font-semibold">Luogo</dt><dd>{report.address || '—'} ({report.latitude.toFixed(5)}, {report.longitude.toFixed(5)})</dd></div>
              <div><dt className="font-semibold">Cittadini che la seguono</dt><dd>{report.followers}</dd></div>
              <div><dt className="font-semibold">Origine</dt><dd>{report.source === 'open311' ? `Open311 (${report.sourceClientId ?? ''})` : 'App'}</dd></div>
              {report.reopenCount > 0 ? <div><dt className="font-semibold">Riaperture dal cittadino</dt><dd className="font-bold text-danger">{report.reopenCount}</dd></div> : null}
            </dl>
            <h3 className="mt-3 font-semibold">Dettagli</h3>
            <p className="whitespace-pre-wrap break-words">{report.description}</p>
            {report.answerList.length ? (
              <>
                <h3 className="mt-3 font-semibold">Risposte alle domande della categoria</h3>
                <dl className="mt-1 grid gap-1">
                  {report.answerList.map((a) => (
                    <div key={a.code}><dt className="inline font-semibold">{a.label}: </dt><dd className="inline break-words">{a.answer}</dd></div>
                  ))}
                </dl>
              </>
            ) : null}
            {report.open311 ? (
              <>
                <h3 className="mt-3 font-semibold">Inviata da {report.open311.clientName} (Open311)</h3>
                <dl className="mt-1 grid gap-1">
                  {report.open311.accountId ? <div><dt className="inline font-semibold">Account nel servizio: </dt><dd className="inline break-all">{report.open311.accountId}</dd></div> : null}
                  {report.open311.deviceId ? <div><dt className="inline font-semibold">Dispositivo: </dt><dd className="inline break-all">{report.open311.deviceId}</dd></div> : null}
                </dl>
                {report.open311.mediaUrls.length ? (
                  <>
                    <p className="mt-1">Foto su un sito esterno (si aprono in una nuova scheda; controllale prima di fidarti):</p>
                    <ul className="list-disc pl-5">
                      {report.open311.mediaUrls.map((url, i) => (
                        <li key={url}>
                          <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-primary underline">
                            Foto esterna {i + 1}: {url}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : null}
            {report.mergedInto ? <p className="mt-2 font-semibold">Duplicato di <Link className="text-primary underline" href={`/admin/segnalazioni/${report.mergedInto.id}`}>{report.mergedInto.publicCode}</Link></p> : null}
            {report.duplicates.length ? (
              <p className="mt-2">Duplicati uniti: {report.duplicates.map((d) => <Link key={d.id} className="mr-2 text-primary underline" href={`/admin/segnalazioni/${d.id}`}>{d.publicCode}</Link>)}</p>
            ) : null}
          </section>

          <section aria-labelledby="contatti" className={card}>
            <h2 id="contatti" className="mb-2 text-xl font-semibold">Contatti del cittadino (riservati)</h2>
            {report.contactName || report.contactEmail || report.contactPhone ? (
              <dl className="grid gap-1">
                {report.contactName ? <div><dt className="inline font-semibold">Nome: </dt><dd className="inline">{report.contactName}</dd></div> : null}
                {report.contactEmail ? <div><dt className="inline font-semibold">Email: </dt><dd className="inline">{report.contactEmail}</dd></div> : null}
                {report.contactPhone ? <div><dt className="inline font-semibold">Telefono: </dt><dd className="inline">{report.contactPhone}</dd></div> : null}
              </dl>
            ) : (
              <p>Il cittadino non ha lasciato contatti: rispondi con una nota pubblica, la riceverà nell’app.</p>
            )}
          </section>

          <section aria-labelledby="foto" className={card}>
            <h2 id="foto" className="mb-2 text-xl font-semibold">Foto</h2>
            {report.photos.length === 0 ? <p>Nessuna foto.</p> : null}
            <ul className="grid gap-3">
              {report.photos.map((p, i) => (
                <li key={p.id} className="rounded border border-line p-2">
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own resized JPEG, staff-only until approved */}
                  <img src={p.url} alt={`Foto ${i + 1} della segnalazione`} width={320} height={240} className="h-60 w-80 max-w-full rounded object-cover" />
                  <p className="font-semibold">{p.state === 'approved' ? 'Pubblica' : p.state === 'hidden' ? 'Nascosta al pubblico' : 'Da controllare'}</p>
                  <div className="flex flex-wrap gap-2">
                    {p.state !== 'approved' ? (
                      <StaffActionForm action={reviewPhotoAction} submitLabel={`Approva la foto ${i + 1}`} className="">
                        {hidden}
                        <input type="hidden" name="photoId" value={p.id} />
                        <input type="hidden" name="state" value="approved" />
                      </StaffActionForm>
                    ) : null}
                    {p.state !== 'hidden' ? (
                      <StaffActionForm action={reviewPhotoAction} submitLabel={`Nascondi la foto ${i + 1}`} className="">
                        {hidden}
                        <input type="hidden" name="photoId" value={p.id} />
                        <input type="hidden" name="state" value="hidden" />
                      </StaffActionForm>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="cronologia" className={card}>
            <h2 id="cronologia" className="mb-2 text-xl font-semibold">Cronologia</h2>
            <ol className="grid gap-3 border-l-4 border-primary pl-4" data-testid="staff-timeline">
              {report.timeline.map((e) => (
                <li key={e.id}>
                  <p className="font-semibold">
                    <span className={`mr-2 rounded border px-1 text-sm ${e.visibility === 'public' ? 'border-success text-success' : 'border-muted text-muted'}`}>
                      {e.visibility === 'public' ? 'Pubblica' : 'Interna'}
                    </span>
                    {e.details.reopened === true ? <strong className="mr-2 text-danger">Riaperta dal cittadino</strong> : null}
                    {e.kind === 'status' || (e.kind === 'merge' && e.toStatus)
                      ? `${e.fromStatus && isReportStatus(e.fromStatus) ? statusLabels[e.fromStatus] : '—'} → ${e.toStatus && isReportStatus(e.toStatus) ? statusLabels[e.toStatus] : '—'}`
                      : ({ created: 'Ricevuta', note: 'Nota', routing: 'Instradamento', assignment: 'Assegnazione', priority: 'Priorità', photo: 'Foto', merge: 'Duplicati', follow: 'Segnala anche tu', resolution: 'Risposta del cittadino', status: 'Stato' } as const)[e.kind]}
                  </p>
                  <p className="text-sm text-muted">{dateTime.format(e.at)} · {e.actorLabel}</p>
                  {e.note ? <p className="whitespace-pre-wrap break-words">{e.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div>
          {moves.length ? (
            <section aria-labelledby="cambia-stato">
              <h2 id="cambia-stato" className="mb-2 text-xl font-semibold">Cambia stato</h2>
              <StaffActionForm action={changeStatusAction} submitLabel="Salva lo stato" className={card}>
                {hidden}
                <label htmlFor="status" className={labelClass}>Nuovo stato</label>
                <select id="status" name="status" className={`${inputClass} mb-3`} defaultValue={moves[0]}>
                  {moves.map((m) => <option key={m} value={m}>{statusLabels[m]}</option>)}
                </select>
                <TemplatePicker templates={report.templates} targetId="publicNote" />
                <label htmlFor="publicNote" className={labelClass}>Nota pubblica (il cittadino la legge)</label>
                <textarea id="publicNote" name="publicNote" rows={3} className={`${inputClass} mb-3`} />
                <label htmlFor="internalNote" className={labelClass}>Nota interna (solo per il personale)</label>
                <textarea id="internalNote" name="internalNote" rows={2} className={inputClass} />
              </StaffActionForm>
            </section>
          ) : null}

          <section aria-labelledby="nota">
            <h2 id="nota" className="mb-2 text-xl font-semibold">Risposta o nota</h2>
            <StaffActionForm action={addNoteAction} submitLabel="Aggiungi" className={card}>
              {hidden}
              <fieldset className="mb-3">
                <legend className="font-semibold">Chi la vede</legend>
                <label className="flex min-h-11 items-center gap-2"><input type="radio" name="visibility" value="internal" defaultChecked className="size-5" /> Nota interna</label>
                <label className="flex min-h-11 items-center gap-2"><input type="radio" name="visibility" value="public" className="size-5" /> Risposta pubblica al cittadino</label>
              </fieldset>
              <label htmlFor="note" className={labelClass}>Testo</label>
              <textarea id="note" name="note" rows={3} className={inputClass} />
            </StaffActionForm>
          </section>

          <section aria-labelledby="instrada">
            <h2 id="instrada" className="mb-2 text-xl font-semibold">Passa a un altro ufficio</h2>
            <StaffActionForm action={reassignAction} submitLabel="Passa all’ufficio" className={card}>
              {hidden}
              <label htmlFor="officeId" className={labelClass}>Ufficio competente</label>
              <select id="officeId" name="officeId" className={`${inputClass} mb-3`} defaultValue={report.officeId}>
                {report.offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
              <label htmlFor="reassignNote" className={labelClass}>Nota interna (facoltativa)</label>
              <textarea id="reassignNote" name="internalNote" rows={2} className={inputClass} />
            </StaffActionForm>
          </section>

          <section aria-labelledby="assegna">
            <h2 id="assegna" className="mb-2 text-xl font-semibold">Assegnazione e priorità</h2>
            <StaffActionForm action={assignAction} submitLabel="Assegna" className={card}>
              {hidden}
              <label htmlFor="assigneeId" className={labelClass}>Persona</label>
              <select id="assigneeId" name="assigneeId" className={inputClass} defaultValue={report.assigneeId ?? ''}>
                <option value="">Nessuno</option>
                {report.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </StaffActionForm>
            <StaffActionForm action={priorityAction} submitLabel="Salva la priorità" className={card}>
              {hidden}
              <label htmlFor="priority" className={labelClass}>Priorità</label>
              <select id="priority" name="priority" className={inputClass} defaultValue={report.priority}>
                {REPORT_PRIORITIES.map((p) => <option key={p} value={p}>{priorityLabels[p]}</option>)}
              </select>
            </StaffActionForm>
          </section>

          {status !== 'duplicate' ? (
            <section aria-labelledby="unisci">
              <h2 id="unisci" className="mb-2 text-xl font-semibold">È un duplicato</h2>
              <StaffActionForm action={mergeAction} submitLabel="Unisci all’originale" className={card}>
                {hidden}
                <p className="mb-2">La segnalazione si chiude come «Duplicata» e chi la segue passa a seguire l’originale.</p>
                <label htmlFor="targetCode" className={labelClass}>Codice della segnalazione originale</label>
                <input id="targetCode" name="targetCode" placeholder="SEG-2026-000123" className={inputClass} />
              </StaffActionForm>
            </section>
          ) : null}
        </div>
      </div>
    </>
  )
}
