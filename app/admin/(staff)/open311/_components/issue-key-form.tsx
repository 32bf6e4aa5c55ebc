'use client'

import { useActionState, useEffect, useRef } from 'react'
import { Field, FormMessage, buttonClass, inputClass } from '@/components/admin/form-parts'
import type { IssueKeyResult } from '../actions'

type Action = (previous: IssueKeyResult | null, formData: FormData) => Promise<IssueKeyResult>

/** Issues a key and shows it once, ready to copy; the form then clears for the next client. */
export function IssueKeyForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null)
  const form = useRef<HTMLFormElement>(null)
  const keyBox = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (state?.ok && state.apiKey) {
      form.current?.reset()
      keyBox.current?.focus()
      keyBox.current?.select()
    }
  }, [state])
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  return (
    <form ref={form} action={formAction} noValidate className="rounded border border-line bg-white p-4" aria-labelledby="open311-issue-heading">
      <h2 id="open311-issue-heading" className="mb-3 text-xl font-semibold">
        Rilascia una chiave
      </h2>
      <FormMessage result={state} />
      {state?.ok && state.apiKey ? (
        <div className="mb-4 rounded border-l-4 border-primary bg-surface p-3">
          <label htmlFor="open311-new-key" className="block font-semibold">
            Chiave API di «{state.clientName}» (mostrata solo ora)
          </label>
          <input ref={keyBox} id="open311-new-key" readOnly value={state.apiKey} className={`${inputClass} font-mono`} />
          <p className="mt-1 text-sm">Consegnala a chi gestisce il client per un canale sicuro. Se va persa, revocala e rilasciane una nuova.</p>
        </div>
      ) : null}
      <div className="grid gap-x-4 md:grid-cols-2">
        <Field name="name" label="Nome del client" hint="Ad esempio «FixMyStreet Valdichiana» o «App del quartiere»." error={errors.name}>
          {(props) => <input {...props} name="name" className={inputClass} autoComplete="off" />}
        </Field>
        <Field name="contact" label="Contatto del gestore (facoltativo)" hint="Email o telefono di chi gestisce il client." error={errors.contact}>
          {(props) => <input {...props} name="contact" className={inputClass} autoComplete="off" />}
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        Rilascia la chiave
      </button>
    </form>
  )
}
