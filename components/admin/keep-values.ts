'use client'

import { startTransition, type FormEvent } from 'react'

/**
 * React resets a form's fields after its action runs, even when the action answers with
 * validation errors: the person would have to type everything again. Submitting through
 * this handler (JavaScript on) runs the same action without the reset; without JavaScript
 * the form's action attribute still posts normally.
 */
export function submitKeepingValues(formAction: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formData = new FormData(event.currentTarget)
    startTransition(() => formAction(formData))
  }
}
