'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { Field, FieldError, FormMessage, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

function errorsOf(state: FormResult | null): Record<string, string> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {}
}

/** One button that moves the alert on (submit for approval, publish, approve and publish). */
export function PublishAlertForm({
  action,
  alertId,
  seen,
  label,
  hint,
  secondary = false,
}: {
  action: Action
  alertId: string
  /** Fingerprint of the text on the page: the server refuses if it changed meanwhile. */
  seen: string
  label: string
  hint: string
  secondary?: boolean
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <FormMessage result={state} />
      <p className="mb-3">{hint}</p>
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="seen" value={seen} />
      <button type="submit" className={secondary ? secondaryButtonClass : buttonClass} disabled={pending}>
        {label}
      </button>
    </form>
  )
}

export function OverridePublishForm({ action, alertId, seen }: { action: Action; alertId: string; seen: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="rounded border-l-4 border-danger bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Emergenza: pubblica senza seconda approvazione</h2>
      <FormMessage result={state} />
      <p className="mb-3">Solo se non c’è tempo di attendere un’altra persona. La pubblicazione sarà registrata e mostrata come tale.</p>
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="seen" value={seen} />
      <Field name="overrideReason" label="Motivo dell’emergenza" error={errors.overrideReason}>
        {(props) => <textarea {...props} name="overrideReason" rows={3} required className={inputClass} />}
      </Field>
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        Pubblica subito senza seconda approvazione
      </button>
    </form>
  )
}

export function EndAlertForm({ action, alertId }: { action: Action; alertId: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Cessata allerta</h2>
      <FormMessage result={state} />
      <p className="mb-3">Chi ha ricevuto l’allerta riceverà l’avviso che è terminata.</p>
      <input type="hidden" name="alertId" value={alertId} />
      <div className="mb-4">
        <label className="flex min-h-11 items-center gap-2 font-semibold">
          <input
            type="checkbox"
            name="confirm"
            className="size-5 accent-primary"
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? 'field-confirm-error' : undefined}
          />
          Confermo la cessata allerta
        </label>
        <FieldError id="field-confirm-error" message={errors.confirm} />
      </div>
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        Cessata allerta
      </button>
    </form>
  )
}

/** The second person's "no": back to the author with what to fix. */
export function ReturnDraftForm({ action, alertId, seen }: { action: Action; alertId: string; seen: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Rimanda indietro</h2>
      <FormMessage result={state} />
      <p className="mb-3">Non viene inviato nulla: l’allerta torna bozza e chi l’ha preparata vede la tua nota.</p>
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="seen" value={seen} />
      <Field name="note" label="Cosa va corretto" error={errors.note}>
        {(props) => <textarea {...props} name="note" rows={3} required className={inputClass} />}
      </Field>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Rimanda indietro all’autore
      </button>
    </form>
  )
}
