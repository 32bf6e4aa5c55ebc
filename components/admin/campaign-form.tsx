'use client'

import { useActionState, useEffect, useRef, useState, useTransition } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { submitKeepingValues } from './keep-values'
import { Field, FieldError, FormMessage, buttonClass, inputClass, labelClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

const checkClass = 'size-5 accent-primary'

/** The campaign composer: message, topics, now or later, with a preview and the devices it will reach. */
export function CampaignForm({
  action,
  countAction,
  topics,
  defaultScheduledFor,
}: {
  action: Action
  countAction: (topicIds: number[]) => Promise<number | null>
  topics: Array<{ id: number; name: string; devices: number }>
  defaultScheduledFor: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [topicIds, setTopicIds] = useState<number[]>([])
  const [when, setWhen] = useState<'now' | 'later'>('now')
  const [devices, setDevices] = useState<number | null>(0)
  const [counting, startCounting] = useTransition()
  const firstRender = useRef(true)

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    startCounting(async () => setDevices(topicIds.length ? await countAction(topicIds) : 0))
  }, [topicIds, countAction])

  const groupDescribedBy = errors.topicIds ? 'field-topicIds-error' : undefined
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0 rounded border border-line bg-white p-4">
        <FormMessage result={state} />
        <Field name="title" label="Titolo della notifica" error={errors.title}>
          {(props) => <input {...props} name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} className={inputClass} />}
        </Field>
        <Field name="body" label="Messaggio" error={errors.body}>
          {(props) => <textarea {...props} name="body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} className={inputClass} />}
        </Field>
        <Field name="url" label="Pagina che si apre toccando la notifica" hint="Facoltativo, ad esempio /eventi. Se lo lasci vuoto si apre l’elenco dei messaggi." error={errors.url}>
          {(props) => <input {...props} name="url" className={inputClass} />}
        </Field>
        <fieldset className="mb-4 rounded border border-line p-3" aria-describedby={groupDescribedBy} aria-invalid={errors.topicIds ? true : undefined}>
          <legend className={`${labelClass} px-1`}>Argomenti</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {topics.map((t) => (
              <label key={t.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="topicIds"
                  value={t.id}
                  checked={topicIds.includes(t.id)}
                  onChange={(e) => setTopicIds(e.target.checked ? [...topicIds, t.id] : topicIds.filter((id) => id !== t.id))}
                  className={checkClass}
                />
                <span>
                  {t.name} <span className="text-sm text-muted">· {t.devices} dispositivi</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="field-topicIds-error" message={errors.topicIds} />
        </fieldset>
        <fieldset className="mb-4 rounded border border-line p-3">
          <legend className={`${labelClass} px-1`}>Quando</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="when" value="now" checked={when === 'now'} onChange={() => setWhen('now')} className={checkClass} />
            Subito
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="when" value="later" checked={when === 'later'} onChange={() => setWhen('later')} className={checkClass} />
            Più tardi, alla data e ora indicate
          </label>
          {when === 'later' ? (
            <Field name="scheduledFor" label="Data e ora dell’invio" hint="Ora italiana. Potrai annullare l’invio fino a quel momento." error={errors.scheduledFor}>
              {(props) => <input {...props} type="datetime-local" name="scheduledFor" defaultValue={defaultScheduledFor} className={inputClass} />}
            </Field>
          ) : null}
        </fieldset>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Invio…' : when === 'now' ? 'Invia ora' : 'Programma l’invio'}
        </button>
      </div>
      <aside className="min-w-0 self-start rounded border border-line bg-white p-4">
        <section role="region" aria-label="Anteprima della notifica">
          <h2 className="mb-2 text-xl font-semibold">Anteprima della notifica</h2>
          <div className="rounded border-2 border-ink p-3">
            <p className="font-bold">{title.trim() || 'Il titolo comparirà qui'}</p>
            <p className="whitespace-pre-line text-muted">{body.trim() || 'Il messaggio comparirà qui.'}</p>
          </div>
        </section>
        <p className="mt-3" aria-live="polite" data-testid="campaign-devices">
          {counting ? 'Calcolo dei destinatari…' : devices === null ? 'Non è stato possibile stimare i destinatari.' : `Raggiungerà ${devices} ${devices === 1 ? 'dispositivo' : 'dispositivi'}.`}
        </p>
      </aside>
    </form>
  )
}
