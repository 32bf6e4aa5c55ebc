'use client'

import { useState } from 'react'
import { signIn } from 'next-auth/react'
import { signInSchema } from '@/lib/auth/schemas'
import { readSignInError } from '@/lib/auth/sign-in-errors'
import { Field, FormMessage, buttonClass, inputClass } from '@/components/admin/form-parts'

type Result = { ok: boolean; message: string } | null

export function SignInForm({ destination, initialError }: { destination: string; initialError?: string }) {
  const initial = initialError ? readSignInError(initialError) : null
  const [pending, setPending] = useState(false)
  const [result, setResult] = useState<Result>(initial ? { ok: false, message: initial.message } : null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>(initial?.fieldErrors ?? {})

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
      const { message, fieldErrors: errors } = readSignInError(response?.error ?? '')
      setFieldErrors(errors ?? {})
      setResult({ ok: false, message })
    } catch {
      setResult({ ok: false, message: 'Connessione assente o server non raggiungibile. Riprova.' })
    } finally {
      setPending(false)
    }
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate aria-busy={pending}>
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
