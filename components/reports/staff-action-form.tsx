'use client'

import { useActionState, type ReactNode } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { FormMessage, buttonClass } from '@/components/admin/form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

/** A staff form on a report: the outcome (or the first error and each field's) is announced above the fields. */
export function StaffActionForm({
  action,
  submitLabel,
  children,
  className = 'rounded border border-line bg-white p-4',
  labelledBy,
}: {
  action: Action
  submitLabel: string
  children: ReactNode
  className?: string
  labelledBy?: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}).filter(([, m]) => m !== state.message) : []
  return (
    <form action={formAction} className={className} aria-labelledby={labelledBy} noValidate>
      <FormMessage result={state} />
      {fieldErrors.length ? (
        <ul className="mb-3 list-disc pl-5 font-semibold text-danger">
          {fieldErrors.map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      ) : null}
      {children}
      <button type="submit" className={`${buttonClass} mt-3`} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  )
}
