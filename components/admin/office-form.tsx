'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { SLOTS_PER_DAY, weekdayKeys, weekdayNames } from '@/lib/offices/schemas'
import { Field, FieldError, FormMessage, buttonClass, inputClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

export type OfficeFormValues = {
  id: number
  address: string
  phone: string | null
  email: string | null
  weeklyHours: Partial<Record<string, Array<[string, string]>>>
  closedDays: string[]
}

export function OfficeForm({ action, office }: { action: Action; office: OfficeFormValues }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={formAction} noValidate className="grid gap-4">
      <FormMessage result={state} />
      <input type="hidden" name="officeId" value={office.id} />
      <section className="rounded border border-line bg-white p-4" aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="mb-3 text-xl font-semibold">Contatti</h2>
        <Field name="address" label="Indirizzo" error={errors.address}>
          {(props) => <input {...props} name="address" defaultValue={office.address} className={inputClass} />}
        </Field>
        <Field name="phone" label="Telefono" error={errors.phone}>
          {(props) => <input {...props} name="phone" type="tel" defaultValue={office.phone ?? ''} className={inputClass} />}
        </Field>
        <Field name="email" label="Email" error={errors.email}>
          {(props) => <input {...props} name="email" type="email" defaultValue={office.email ?? ''} className={inputClass} />}
        </Field>
      </section>

      <section className="rounded border border-line bg-white p-4" aria-labelledby="hours-heading">
        <h2 id="hours-heading" className="mb-1 text-xl font-semibold">Orari di apertura</h2>
        <p className="mb-3 text-muted">Ora italiana. Lascia vuota una fascia se l’ufficio è chiuso. Le festività nazionali e del patrono sono già escluse.</p>
        <div className="grid gap-3 md:grid-cols-2">
          {weekdayKeys.map((day) => (
            <fieldset key={day} className="rounded border border-line p-3">
              <legend className="px-1 font-semibold">{weekdayNames[day]}</legend>
              {Array.from({ length: SLOTS_PER_DAY }, (_, i) => {
                const slot = office.weeklyHours[day]?.[i]
                const error = errors[`h${day}_${i}`]
                const errorId = `h${day}_${i}-error`
                return (
                  <div key={i} className="mb-2">
                    <div className="flex flex-wrap items-end gap-2">
                      <span className="w-20 pb-2">{i === 0 ? 'Fascia 1' : 'Fascia 2'}</span>
                      <label className="grid">
                        <span>
                          dalle<span className="sr-only">, {weekdayNames[day]} fascia {i + 1}</span>
                        </span>
                        <input
                          type="time"
                          name={`h${day}_${i}_from`}
                          defaultValue={slot?.[0] ?? ''}
                          aria-invalid={Boolean(error)}
                          aria-describedby={error ? errorId : undefined}
                          className="min-h-11 rounded border-2 border-muted px-2"
                        />
                      </label>
                      <label className="grid">
                        <span>
                          alle<span className="sr-only">, {weekdayNames[day]} fascia {i + 1}</span>
                        </span>
                        <input
                          type="time"
                          name={`h${day}_${i}_to`}
                          defaultValue={slot?.[1] ?? ''}
                          aria-invalid={Boolean(error)}
                          aria-describedby={error ? errorId : undefined}
                          className="min-h-11 rounded border-2 border-muted px-2"
                        />
                      </label>
                    </div>
                    <FieldError id={errorId} message={error} />
                  </div>
                )
              })}
            </fieldset>
          ))}
        </div>
      </section>

      <section className="rounded border border-line bg-white p-4" aria-labelledby="closed-heading">
        <h2 id="closed-heading" className="mb-3 text-xl font-semibold">Chiusure straordinarie</h2>
        <Field name="closedDays" label="Giorni di chiusura" hint="Una data per riga, ad esempio 2026-12-24." error={errors.closedDays}>
          {(props) => <textarea {...props} name="closedDays" rows={4} defaultValue={office.closedDays.join('\n')} className={inputClass} />}
        </Field>
      </section>

      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Salvataggio…' : 'Salva orari e contatti'}
        </button>
      </div>
    </form>
  )
}
