'use client'

import { useState } from 'react'
import { signIn } from 'next-auth/react'
import { signInSchema } from '@/lib/auth/schemas'
import { Field, FormMessage, buttonClass, inputClass } from '@/components/admin/form-parts'

type Result = { ok: boolean; message: string } | null

/** Turns the coded error next-auth passes back into what the person should read. */
function readError(error: string): { message: string; fieldErrors?: Record<string, string> } {
  const [code, ...rest] = error.split(':')
  const detail = rest.join(':')
  if (code === 'invalid_input') {
    try {
      return { message: 'Controlla i campi evidenziati.', fieldErrors: JSON.parse(detail) as Record<string, string> }
    } catch {
      return { message: 'Controlla i campi evidenziati.' }
    }
  }
  if ((code === 'throttled' || code === 'wrong_credentials' || code === 'unavailable') && detail) return { message: detail }
  return { message: 'Email o password non corretti.' }
}

export function SignInForm({ destination }: { destination: string }) {
  const [pending, setPending] = useState(false)
  const [result, setResult] = useState<Result>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const parsed = signInSchema.safeParse({ email: data.get('email'), password: data.get('password') })
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
      setFieldErrors(errors)
      setResult({ ok: false, message: 'Controlla i campi evidenziati.' })
      return
    }
    setPending(true)
    setFieldErrors({})
    setResult(null)
    try {
      const response = await signIn('credentials', { ...parsed.data, redirect: false })
      if (response?.ok && !response.error) {
        window.location.assign(destination)
        return
      }
      const { message, fieldErrors: errors } = readError(response?.error ?? '')
      setFieldErrors(errors ?? {})
      setResult({ ok: false, message })
    } catch {
      setResult({ ok: false, message: 'Connessione assente o server non raggiungibile. Riprova.' })
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormMessage result={result} />
      <Field name="email" label="Email" error={fieldErrors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" className={inputClass} />}
      </Field>
      <Field name="password" label="Password" error={fieldErrors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? 'Accesso in corso…' : 'Accedi'}
      </button>
    </form>
  )
}
