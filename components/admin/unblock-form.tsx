'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, secondaryButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure

export function UnblockForm({ action, origin }: { action: (p: FormResult | null, f: FormData) => Promise<FormResult>; origin: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction}>
      <input type="hidden" name="origin" value={origin} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Riattiva gli invii a {new URL(origin).host}
      </button>
      <FormMessage result={state} />
    </form>
  )
}
