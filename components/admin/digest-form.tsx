'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { Field, FormMessage, buttonClass, inputClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

const weekdays: Array<[number, string]> = [
  [1, 'Lunedì'],
  [2, 'Martedì'],
  [3, 'Mercoledì'],
  [4, 'Giovedì'],
  [5, 'Venerdì'],
  [6, 'Sabato'],
  [7, 'Domenica'],
]

/** On or off, day and hour of the weekly events digest (Rome time). */
export function DigestForm({ action, enabled, weekday, hour }: { action: Action; enabled: boolean; weekday: number; hour: number }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={formAction} noValidate className="max-w-xl rounded border border-line bg-white p-4" aria-labelledby="digest-form-heading">
      <h2 id="digest-form-heading" className="mb-3 text-xl font-semibold">
        Quando parte
      </h2>
      <label className="mb-4 flex min-h-11 items-center gap-3 font-semibold">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="size-6 accent-primary" />
        Invia il riepilogo settimanale
      </label>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="weekday" label="Giorno" error={errors.weekday}>
          {(props) => (
            <select {...props} name="weekday" defaultValue={weekday} className={inputClass}>
              {weekdays.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="hour" label="Ora" hint="Ora italiana." error={errors.hour}>
          {(props) => (
            <select {...props} name="hour" defaultValue={hour} className={inputClass}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {`${h}:00`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormMessage result={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Salvataggio…' : 'Salva'}
      </button>
    </form>
  )
}
