'use client'

import { useActionState, useState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { Field, FormMessage, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>
type Choice = { id: number; name: string }

const roleOptions = [
  { value: 'admin', label: 'Amministratore' },
  { value: 'operator', label: 'Operatore URP e comunicazione' },
  { value: 'office', label: 'Ufficio' },
  { value: 'civil_protection', label: 'Protezione civile' },
] as const

function errorsOf(state: FormResult | null): Record<string, string> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {}
}

function RoleAndOffice({ offices, errors, role: initialRole, officeId }: { offices: Choice[]; errors: Record<string, string>; role?: string; officeId?: number | null }) {
  const [role, setRole] = useState(initialRole ?? '')
  return (
    <>
      <Field name="role" label="Ruolo" error={errors.role}>
        {(props) => (
          <select {...props} name="role" value={role} onChange={(e) => setRole(e.target.value)} className={inputClass}>
            <option value="" disabled>
              Scegli un ruolo
            </option>
            {roleOptions.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="officeId" label="Ufficio" hint="Solo per il ruolo Ufficio: la persona vedrà il lavoro di questo ufficio." error={errors.officeId}>
        {(props) => (
          <select {...props} name="officeId" defaultValue={officeId ?? ''} className={inputClass}>
            <option value="">Nessuno</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  )
}

export function CreateStaffForm({ action, offices }: { action: Action; offices: Choice[] }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="max-w-xl rounded border border-line bg-white p-4">
      <FormMessage result={state} />
      <Field name="name" label="Nome e cognome" error={errors.name}>
        {(props) => <input {...props} name="name" autoComplete="off" className={inputClass} />}
      </Field>
      <Field name="email" label="Email" error={errors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="off" className={inputClass} />}
      </Field>
      <RoleAndOffice offices={offices} errors={errors} />
      <Field name="password" label="Password iniziale" hint="Almeno 12 caratteri. Comunicala alla persona in modo sicuro." error={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Creazione…' : 'Crea account'}
      </button>
    </form>
  )
}

export function EditStaffForm({
  action,
  offices,
  member,
}: {
  action: Action
  offices: Choice[]
  member: { id: string; name: string; role: string; officeId: number | null }
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-3 text-xl font-semibold">Ruolo e ufficio</h2>
      <FormMessage result={state} />
      <input type="hidden" name="staffId" value={member.id} />
      <Field name="name" label="Nome e cognome" error={errors.name}>
        {(props) => <input {...props} name="name" defaultValue={member.name} className={inputClass} />}
      </Field>
      <RoleAndOffice offices={offices} errors={errors} role={member.role} officeId={member.officeId} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Salva modifiche
      </button>
    </form>
  )
}

export function ActiveToggleForm({ action, staffId, active, self }: { action: Action; staffId: string; active: boolean; self: boolean }) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <h2 className="mb-3 text-xl font-semibold">Stato dell’account</h2>
      <FormMessage result={state} />
      <p className="mb-3">
        {active
          ? 'L’account è attivo. Disattivandolo, la persona esce subito da ogni dispositivo e non può più accedere.'
          : 'L’account è disattivato: la persona non può accedere.'}
      </p>
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      {self ? (
        <p className="text-muted">Non puoi disattivare il tuo stesso account.</p>
      ) : (
        <button type="submit" className={active ? dangerButtonClass : secondaryButtonClass} disabled={pending}>
          {active ? 'Disattiva account' : 'Riattiva account'}
        </button>
      )}
    </form>
  )
}

export function ResetPasswordForm({ action, staffId }: { action: Action; staffId: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-3 text-xl font-semibold">Reimposta la password</h2>
      <FormMessage result={state} />
      <input type="hidden" name="staffId" value={staffId} />
      <Field name="password" label="Nuova password" hint="Almeno 12 caratteri. La persona uscirà da ogni dispositivo." error={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Reimposta password
      </button>
    </form>
  )
}
