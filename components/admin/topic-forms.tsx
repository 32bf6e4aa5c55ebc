'use client'

import { useActionState, useState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { TOPIC_DESCRIPTION_MAX, TOPIC_NAME_MAX } from '@/lib/topics/schemas'
import {
  Field,
  FormMessage,
  buttonClass,
  dangerButtonClass,
  inputClass,
  secondaryButtonClass,
} from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

type TopicValues = { nameIt: string; nameEn: string; descriptionIt: string; descriptionEn: string }
const empty: TopicValues = { nameIt: '', nameEn: '', descriptionIt: '', descriptionEn: '' }

/** Names and descriptions in Italian and English (citizens may use the app in either). */
export function TopicForm({
  action,
  topicId,
  initial = empty,
  heading,
  submitLabel,
}: {
  action: Action
  topicId?: number
  initial?: TopicValues
  heading: string
  submitLabel: string
}) {
  const [values, setValues] = useState(initial)
  const [state, formAction, pending] = useActionState(
    async (previous: FormResult | null, formData: FormData) => {
      const result = await action(previous, formData)
      // A new topic was added: the form is ready for the next one.
      if (result.ok && topicId === undefined) setValues(empty)
      return result
    },
    null,
  )
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  const bind = (key: keyof TopicValues) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: e.target.value })),
  })
  const headingId = topicId === undefined ? 'topic-new-heading' : 'topic-edit-heading'
  return (
    <form
      action={formAction}
      noValidate
      className="rounded border border-line bg-white p-4"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="mb-3 text-xl font-semibold">
        {heading}
      </h2>
      <FormMessage result={state} />
      {topicId !== undefined ? <input type="hidden" name="topicId" value={topicId} /> : null}
      <div className="grid gap-x-4 md:grid-cols-2">
        <Field
          name="nameIt"
          label="Nome in italiano"
          hint={`Al massimo ${TOPIC_NAME_MAX} caratteri.`}
          error={errors.nameIt}
        >
          {(props) => <input {...props} {...bind('nameIt')} lang="it" className={inputClass} />}
        </Field>
        <Field
          name="nameEn"
          label="Nome in inglese"
          hint={`Al massimo ${TOPIC_NAME_MAX} caratteri.`}
          error={errors.nameEn}
        >
          {(props) => <input {...props} {...bind('nameEn')} lang="en" className={inputClass} />}
        </Field>
        <Field
          name="descriptionIt"
          label="Descrizione in italiano"
          hint={`Cosa riceve chi lo sceglie. Al massimo ${TOPIC_DESCRIPTION_MAX} caratteri.`}
          error={errors.descriptionIt}
        >
          {(props) => (
            <textarea
              {...props}
              {...bind('descriptionIt')}
              lang="it"
              rows={3}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          name="descriptionEn"
          label="Descrizione in inglese"
          hint={`Al massimo ${TOPIC_DESCRIPTION_MAX} caratteri.`}
          error={errors.descriptionEn}
        >
          {(props) => (
            <textarea
              {...props}
              {...bind('descriptionEn')}
              lang="en"
              rows={3}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  )
}

/** Retire or bring back a topic; Protezione civile gets an explanation instead of a button. */
export function RetireTopicForm({
  action,
  topicId,
  retired,
  permanent,
}: {
  action: Action
  topicId: number
  retired: boolean
  permanent: boolean
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <h2 className="mb-3 text-xl font-semibold">
        {retired ? 'Argomento ritirato' : 'Ritira l’argomento'}
      </h2>
      <FormMessage result={state} />
      <input type="hidden" name="topicId" value={topicId} />
      <input type="hidden" name="retired" value={retired ? 'false' : 'true'} />
      {permanent ? (
        <p>
          È l’argomento consigliato a tutti e porta le allerte di protezione civile: non si può
          ritirare.
        </p>
      ) : retired ? (
        <>
          <p className="mb-3">
            I cittadini non lo vedono più tra le scelte e non si possono pubblicare contenuti con
            questo argomento. Le iscrizioni restano: ripristinandolo tornano attive.
          </p>
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            Ripristina l’argomento
          </button>
        </>
      ) : (
        <>
          <p className="mb-3">
            Sparisce dalle scelte dei cittadini e da quelle di chi scrive notizie ed eventi. Le
            iscrizioni e i contenuti già pubblicati restano.
          </p>
          <button type="submit" className={dangerButtonClass} disabled={pending}>
            Ritira l’argomento
          </button>
        </>
      )}
    </form>
  )
}
