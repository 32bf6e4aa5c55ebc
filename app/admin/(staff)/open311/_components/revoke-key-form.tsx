'use client'

import { useActionState, useEffect, useRef, useState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, dangerButtonClass, secondaryButtonClass } from '@/components/admin/form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

/** Revoking takes effect at once and cannot be undone: ask once more. */
export function RevokeKeyForm({ action, clientId, clientName }: { action: Action; clientId: string; clientName: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const [confirming, setConfirming] = useState(false)
  const question = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (confirming) question.current?.focus()
  }, [confirming])
  return (
    <form action={formAction}>
      <input type="hidden" name="clientId" value={clientId} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <p ref={question} tabIndex={-1} className="font-semibold">
            Revocare la chiave di «{clientName}»?
          </p>
          <button type="submit" className={dangerButtonClass} disabled={pending}>
            Sì, revoca
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
            Annulla
          </button>
        </div>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)} aria-label={`Revoca la chiave di ${clientName}`}>
          Revoca
        </button>
      )}
      <FormMessage result={state} />
    </form>
  )
}
