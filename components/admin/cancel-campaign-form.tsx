'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, dangerButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

export function CancelCampaignForm({ action, campaignId }: { action: Action; campaignId: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">Annulla l’invio</h2>
      <FormMessage result={state} />
      <p className="mb-3">La campagna non partirà e nessuno la riceverà.</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        Annulla la campagna
      </button>
    </form>
  )
}
