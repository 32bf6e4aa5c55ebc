'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { alertLevels, alertPhases, levelLabels } from '@/lib/alerts/schemas'
import { submitKeepingValues } from './keep-values'
import { Field, FormMessage, buttonClass, inputClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

const phaseLabels: Record<(typeof alertPhases)[number], string> = { attenzione: 'Attenzione', preallarme: 'Preallarme', allarme: 'Allarme' }

export type AlertUpdateDefaults = {
  level: string
  phase: string | null
  headline: string
  description: string
  instructions: string
  comuneActions: string
  /** datetime-local value in Rome time. */
  validUntil: string
}

/** Issue an update of a published alert: it replaces the earlier notification on phones. */
export function AlertUpdateForm({ action, alertId, defaults, canOverride }: { action: Action; alertId: string; defaults: AlertUpdateDefaults; canOverride: boolean }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Aggiorna l’allerta</h2>
      <p className="mb-3">
        L’aggiornamento sostituisce la notifica precedente sui telefoni. Se l’allerta è o diventa arancione o rossa, serve l’approvazione di un’altra persona.
      </p>
      <FormMessage result={state} />
      <input type="hidden" name="alertId" value={alertId} />
      <Field name="update-level" label="Livello" error={errors.level}>
        {(props) => (
          <select {...props} name="level" defaultValue={defaults.level} className={inputClass}>
            {alertLevels.map((l) => (
              <option key={l} value={l}>
                {levelLabels[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="update-phase" label="Fase operativa" error={errors.phase}>
        {(props) => (
          <select {...props} name="phase" defaultValue={defaults.phase ?? ''} className={inputClass}>
            <option value="">Nessuna</option>
            {alertPhases.map((p) => (
              <option key={p} value={p}>
                {phaseLabels[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="update-headline" label="Titolo" error={errors.headline}>
        {(props) => <input {...props} name="headline" defaultValue={defaults.headline} maxLength={160} className={inputClass} />}
      </Field>
      <Field name="update-description" label="Descrizione della situazione" error={errors.description}>
        {(props) => <textarea {...props} name="description" rows={4} defaultValue={defaults.description} className={inputClass} />}
      </Field>
      <Field name="update-instructions" label="Cosa devono fare i cittadini" error={errors.instructions}>
        {(props) => <textarea {...props} name="instructions" rows={4} defaultValue={defaults.instructions} className={inputClass} />}
      </Field>
      <Field name="update-comuneActions" label="Cosa sta facendo il Comune" error={errors.comuneActions}>
        {(props) => <textarea {...props} name="comuneActions" rows={2} defaultValue={defaults.comuneActions} className={inputClass} />}
      </Field>
      <Field name="update-validUntil" label="Valida fino al" hint="Ora italiana. Al massimo 14 giorni da adesso." error={errors.validUntil}>
        {(props) => <input {...props} type="datetime-local" name="validUntil" defaultValue={defaults.validUntil} className={inputClass} />}
      </Field>
      {canOverride ? (
        <Field
          name="update-overrideReason"
          label="Motivo dell’emergenza (solo per pubblicare subito senza seconda approvazione)"
          hint="Lascialo vuoto per chiedere l’approvazione di un’altra persona."
          error={errors.overrideReason}
        >
          {(props) => <textarea {...props} name="overrideReason" rows={2} className={inputClass} />}
        </Field>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Invio…' : 'Invia l’aggiornamento'}
      </button>
    </form>
  )
}
