'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, buttonClass } from '@/components/admin/form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

/**
 * On a report the citizen reopened: the alert and its "Presa visione" button; once the alert is
 * cleared, the confirmation stays where the alert was.
 */
export function ReopenAlertBanner({ reportId, reopenedAt, action }: { reportId: string; reopenedAt: string | null; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null)
  // One live region that outlives the alert, so the confirmation is announced once it is gone.
  return (
    <div>
      <FormMessage result={state} />
      {reopenedAt ? (
        <section aria-labelledby="riaperta" className="mb-4 rounded border-l-8 border-danger bg-danger-light p-4" data-testid="reopen-alert">
          <h2 id="riaperta" className="mb-1 text-xl font-bold">Riaperta dal cittadino il {reopenedAt}</h2>
          <p className="mb-2">
            Il cittadino dice che il problema non è risolto: leggi la sua risposta nella cronologia. La segnalazione resta in evidenza per
            l’ufficio finché qualcuno aggiorna lo stato o ne prende visione.
          </p>
          <form action={formAction} noValidate>
            <input type="hidden" name="reportId" value={reportId} />
            <button type="submit" className={buttonClass} disabled={pending}>
              Presa visione
            </button>
          </form>
        </section>
      ) : null}
    </div>
  )
}
