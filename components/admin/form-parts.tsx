import type { ReactNode } from 'react'

export const inputClass =
  'mt-1 block w-full min-h-11 rounded border-2 border-muted bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger'
export const labelClass = 'block font-semibold'
export const buttonClass =
  'inline-flex min-h-11 items-center justify-center rounded bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60'
export const secondaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded border-2 border-primary bg-white px-5 py-2 font-semibold text-primary hover:bg-primary-light disabled:opacity-60'
export const dangerButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded bg-danger px-5 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-60'

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null
  return (
    <p id={id} className="mt-1 font-semibold text-danger">
      {message}
    </p>
  )
}

/** Where a form announces its outcome: errors interrupt (alert), successes wait (status). */
export function FormMessage({ result }: { result: { ok: boolean; message?: string } | null }) {
  return (
    <div aria-live="polite">
      {result && result.message ? (
        <p
          role={result.ok ? 'status' : 'alert'}
          className={`my-3 rounded border-l-4 p-3 font-semibold ${
            result.ok ? 'border-success bg-success-light text-success' : 'border-danger bg-danger-light text-danger'
          }`}
        >
          {result.message}
        </p>
      ) : null}
    </div>
  )
}

export function Field({
  name,
  label,
  error,
  hint,
  children,
}: {
  name: string
  label: string
  error?: string
  hint?: string
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode
}) {
  const id = `field-${name}`
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="mb-4">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy || undefined })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}
