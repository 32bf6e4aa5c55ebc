'use client'

import { useEffect, useId, useRef } from 'react'

/** A field the summary can name and reach: its id is `field-<name>` (Field, Group, MapEditor). */
export type SummaryField = { name: string; label: string }

/**
 * The errors of a refused form, listed at its top in the order of the fields, each a link that
 * moves focus to its field. It takes focus itself when the form comes back refused, so a keyboard
 * or screen-reader user starts from the list (GOV.UK's error summary pattern) instead of a single
 * "Controlla i campi evidenziati." with the errors scattered down a long form.
 */
export function ErrorSummary({
  fieldErrors,
  fields,
  message,
}: {
  fieldErrors: Record<string, string>
  /** In the order they appear in the form; errors on fields not listed come last, with their message only. */
  fields: SummaryField[]
  /** The action's own message, shown when it says more than the generic one. */
  message?: string
}) {
  const box = useRef<HTMLElement>(null)
  const headingId = useId()
  const known = fields.filter((f) => fieldErrors[f.name])
  const others = Object.keys(fieldErrors).filter((name) => !fields.some((f) => f.name === name))
  const count = known.length + others.length

  // A new object on every refused submit, so the summary takes focus each time.
  useEffect(() => {
    box.current?.focus()
  }, [fieldErrors])

  if (count === 0) return null

  const goTo = (event: React.MouseEvent<HTMLAnchorElement>, name: string) => {
    const target = document.getElementById(`field-${name}`)
    if (!target) return
    event.preventDefault()
    // A group (fieldset) is reached through its first choice.
    const control = target.matches('input, select, textarea') ? target : target.querySelector<HTMLElement>('input, select, textarea')
    target.scrollIntoView({ block: 'center' })
    control?.focus({ preventScroll: true })
  }

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="my-3 rounded border-4 border-danger bg-danger-light p-3 text-danger focus:outline-4 focus:outline-offset-2 focus:outline-ink"
    >
      <h2 id={headingId} className="text-lg font-bold">
        {count === 1 ? 'C’è 1 campo da correggere' : `Ci sono ${count} campi da correggere`}
      </h2>
      {message && message !== 'Controlla i campi evidenziati.' ? <p className="font-semibold">{message}</p> : null}
      <ul className="mt-1 flex flex-col">
        {known.map((f) => (
          <li key={f.name}>
            <a href={`#field-${f.name}`} onClick={(e) => goTo(e, f.name)} className="inline-flex min-h-11 items-center font-semibold text-danger underline">
              {f.label}: {fieldErrors[f.name]}
            </a>
          </li>
        ))}
        {others.map((name) => (
          <li key={name} className="flex min-h-11 items-center font-semibold">
            {fieldErrors[name]}
          </li>
        ))}
      </ul>
    </section>
  )
}
