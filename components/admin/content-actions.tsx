'use client'

import { useActionState, useEffect, useRef, useState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, dangerButtonClass, secondaryButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

/** Takes a published or scheduled item back to draft in one click, keeping its text. */
export function WithdrawForm({
  action,
  id,
  description,
}: {
  action: Action
  id: string
  description: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Ritira</h2>
      <FormMessage result={state} />
      <p className="mb-3">{description}</p>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Ritira dalla pubblicazione
      </button>
    </form>
  )
}

/** Deleting asks once more, in the page (no pop-up), and moves focus to the question. */
export function DeleteForm({
  action,
  id,
  title,
  noun,
}: {
  action: Action
  id: string
  title: string
  noun: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const [confirming, setConfirming] = useState(false)
  const question = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (confirming) question.current?.focus()
  }, [confirming])
  return (
    <div className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Elimina</h2>
      <FormMessage result={state} />
      {confirming ? (
        <form action={formAction}>
          <p ref={question} tabIndex={-1} className="mb-3 font-semibold">
            Eliminare definitivamente «{title}»? Il suo link smetterà di funzionare e non si può
            annullare.
          </p>
          <input type="hidden" name="id" value={id} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={dangerButtonClass} disabled={pending}>
              Elimina definitivamente
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => setConfirming(false)}
            >
              Annulla
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="mb-3">Toglie {noun} per sempre, anche dai link già condivisi.</p>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => setConfirming(true)}
          >
            Elimina…
          </button>
        </>
      )}
    </div>
  )
}
