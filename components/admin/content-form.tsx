'use client'

import { useActionState, useState, type ReactNode } from 'react'
import type { ActionFailure } from '@/lib/errors'
import {
  BODY_MAX,
  LOCATION_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  type PublicationMode,
} from '@/lib/content/schemas'
import { audienceSentence, phonePreview } from '@/lib/content/notification-preview-shared'
import { Markdown } from '@/components/ui/markdown'
import {
  Field,
  FieldError,
  FormMessage,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from './form-parts'
import { ImageField, type ImageValue } from './image-field'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

export type TopicChoice = { id: number; name: string; citizens: number; devices: number }

export type ContentFormValues = {
  title: string
  summary: string
  body: string
  topicId: string
  publication: PublicationMode
  publishDate: string
  publishTime: string
  notify: boolean
  image: ImageValue | null
  /** Events only. */
  location: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
}

export const emptyContentForm: ContentFormValues = {
  title: '',
  summary: '',
  body: '',
  topicId: '',
  publication: 'draft',
  publishDate: '',
  publishTime: '',
  notify: false,
  image: null,
  location: '',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
}

/** What the page knows about the saved item, for the words around the fields. */
export type SavedState = {
  /** "dal 3 marzo 2026, 10:15" when the item is out now. */
  publishedSince: string | null
  /** "il 3 marzo 2026 alle 10:15 (120 cittadini)" when its subscribers were told. */
  noticeSent: string | null
  /** A retired topic the item was filed under: the editor must pick another. */
  retiredTopic: string | null
}

const words = {
  news: {
    item: 'la notizia',
    publishedNow: 'Pubblicata',
    phoneFallback: 'Titolo della notizia',
    draft: 'Solo il personale la vede.',
    now: 'I cittadini la vedono subito.',
  },
  event: {
    item: 'l’evento',
    publishedNow: 'Pubblicato',
    phoneFallback: 'Titolo dell’evento',
    draft: 'Solo il personale lo vede.',
    now: 'I cittadini lo vedono subito.',
  },
} as const

/**
 * The editor of a news item or an event. Every field is controlled, so a refused save keeps
 * what was typed; the previews (text and notification) follow the fields as they change.
 */
export function ContentForm({
  kind,
  action,
  itemId,
  topics,
  initial,
  saved,
  uploadUrl,
  submitLabel,
}: {
  kind: 'news' | 'event'
  action: Action
  /** Set when editing a saved item. */
  itemId?: string
  topics: TopicChoice[]
  initial: ContentFormValues
  saved?: SavedState
  uploadUrl?: string
  submitLabel: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const [values, setValues] = useState(initial)
  const [showPreview, setShowPreview] = useState(false)
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  const set = <K extends keyof ContentFormValues>(key: K, value: ContentFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }))
  const text = (
    key:
      | 'title'
      | 'summary'
      | 'body'
      | 'location'
      | 'startDate'
      | 'startTime'
      | 'endDate'
      | 'endTime'
      | 'publishDate'
      | 'publishTime',
  ) => ({
    name: key,
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  })
  const w = words[kind]

  return (
    <form action={formAction} noValidate className="grid gap-4">
      <FormMessage result={state} />
      {itemId ? <input type="hidden" name="id" value={itemId} /> : null}

      <Section id="content-heading" title="Testo">
        <Field
          name="title"
          label="Titolo"
          hint={`Al massimo ${TITLE_MAX} caratteri (ora ${values.title.length}).`}
          error={errors.title}
        >
          {(props) => <input {...props} {...text('title')} className={inputClass} />}
        </Field>
        <Field
          name="summary"
          label="Sommario"
          hint={`Una o due frasi: compaiono negli elenchi, nelle anteprime dei link e nella notifica. Al massimo ${SUMMARY_MAX} caratteri (ora ${values.summary.length}).`}
          error={errors.summary}
        >
          {(props) => <textarea {...props} {...text('summary')} rows={3} className={inputClass} />}
        </Field>
        <Field
          name="body"
          label="Testo completo"
          hint={`In Markdown: **grassetto**, *corsivo*, elenchi con «- », titoli con «## », link con [testo](https://…). L’HTML non viene mostrato. Al massimo ${BODY_MAX.toLocaleString('it-IT')} caratteri.`}
          error={errors.body}
        >
          {(props) => (
            <textarea
              {...props}
              {...text('body')}
              rows={12}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={showPreview}
          aria-controls="content-preview"
          onClick={() => setShowPreview((v) => !v)}
        >
          {showPreview ? 'Nascondi l’anteprima' : 'Anteprima'}
        </button>
        <div id="content-preview" hidden={!showPreview}>
          {showPreview ? (
            <section
              aria-labelledby="content-preview-heading"
              className="mt-4 rounded border-2 border-dashed border-line p-4"
            >
              <h3 id="content-preview-heading" className="mb-3 text-lg font-semibold text-muted">
                Anteprima: come la vedranno i cittadini
              </h3>
              <p lang="it" className="text-2xl font-bold leading-tight">
                {values.title || 'Titolo'}
              </p>
              <p lang="it" className="mt-3 text-lg font-semibold">
                {values.summary}
              </p>
              {values.image ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={values.image.url}
                  alt={values.image.alt}
                  className="mt-4 w-full max-w-prose rounded-lg"
                />
              ) : null}
              {/* The same component, and so the same sanitising, as the citizen page. */}
              <Markdown lang="it" className="mt-4">
                {values.body}
              </Markdown>
            </section>
          ) : null}
        </div>
      </Section>

      {kind === 'event' ? (
        <Section id="when-heading" title="Quando e dove">
          <Field
            name="location"
            label="Luogo"
            hint={`Al massimo ${LOCATION_MAX} caratteri.`}
            error={errors.location}
          >
            {(props) => <input {...props} {...text('location')} className={inputClass} />}
          </Field>
          <DateTimeRow
            legend="Inizio (ora italiana)"
            date={{ ...text('startDate'), label: 'Giorno di inizio', error: errors.startDate }}
            time={{ ...text('startTime'), label: 'Ora di inizio', error: errors.startTime }}
          />
          <DateTimeRow
            legend="Fine (facoltativa)"
            hint="Lascia vuoto il giorno se l’evento finisce il giorno stesso."
            date={{ ...text('endDate'), label: 'Giorno di fine', error: errors.endDate }}
            time={{ ...text('endTime'), label: 'Ora di fine', error: errors.endTime }}
          />
        </Section>
      ) : null}

      <Section id="topic-heading" title="Argomento e immagine">
        <Field
          name="topicId"
          label="Argomento"
          hint={
            saved?.retiredTopic
              ? `«${saved.retiredTopic}» è stato ritirato: scegli un altro argomento.`
              : 'I cittadini iscritti a questo argomento possono ricevere l’avviso.'
          }
          error={errors.topicId}
        >
          {(props) => (
            <select
              {...props}
              name="topicId"
              value={values.topicId}
              onChange={(e) => set('topicId', e.target.value)}
              className={inputClass}
            >
              <option value="">Scegli un argomento</option>
              {topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {uploadUrl ? (
          <ImageField
            uploadUrl={uploadUrl}
            value={values.image}
            onChange={(image) => set('image', image)}
            errors={errors}
          />
        ) : null}
      </Section>

      <Section id="publication-heading" title="Pubblicazione">
        <fieldset aria-describedby={errors.publication ? 'field-publication-error' : undefined}>
          <legend className="sr-only">Come pubblicare</legend>
          {(
            [
              ['draft', 'Bozza', w.draft],
              [
                'now',
                saved?.publishedSince
                  ? `${w.publishedNow} ${saved.publishedSince}`
                  : 'Pubblica ora',
                w.now,
              ],
              [
                'scheduled',
                'Programma per',
                'Esce da sola nel giorno e all’ora scelti (ora italiana).',
              ],
            ] as const
          ).map(([mode, label, hint]) => (
            <div key={mode} className="mb-2 flex items-start gap-3">
              <input
                type="radio"
                id={`publication-${mode}`}
                name="publication"
                value={mode}
                checked={values.publication === mode}
                onChange={() => set('publication', mode)}
                aria-describedby={`publication-${mode}-hint`}
                className="mt-1 size-6 shrink-0"
              />
              <div>
                <label htmlFor={`publication-${mode}`} className="font-semibold">
                  {label}
                </label>
                <p id={`publication-${mode}-hint`} className="text-sm text-muted">
                  {hint}
                </p>
              </div>
            </div>
          ))}
          <FieldError id="field-publication-error" message={errors.publication} />
        </fieldset>
        {values.publication === 'scheduled' ? (
          <DateTimeRow
            legend="Quando pubblicare (ora italiana)"
            date={{
              ...text('publishDate'),
              label: 'Giorno di pubblicazione',
              error: errors.publishDate,
            }}
            time={{
              ...text('publishTime'),
              label: 'Ora di pubblicazione',
              error: errors.publishTime,
            }}
          />
        ) : null}
      </Section>

      <Section id="notify-heading" title="Avviso agli iscritti">
        {saved?.noticeSent ? (
          <p>
            Gli iscritti all’argomento sono stati avvisati {saved.noticeSent}. Ogni contenuto si
            annuncia una volta sola.
          </p>
        ) : (
          <NoticeChoice
            kind={kind}
            values={values}
            topic={topics.find((t) => String(t.id) === values.topicId) ?? null}
            onChange={(notify) => set('notify', notify)}
            error={errors.notify}
          />
        )}
      </Section>

      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Salvataggio…' : submitLabel}
        </button>
      </div>
    </form>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="rounded border border-line bg-white p-4" aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

type DateTimeInput = {
  name: string
  value: string
  onChange: (event: { target: { value: string } }) => void
  label: string
  error?: string
}

function DateTimeRow({
  legend,
  hint,
  date,
  time,
}: {
  legend: string
  hint?: string
  date: DateTimeInput
  time: DateTimeInput
}) {
  const input = ({ label, error, ...field }: DateTimeInput, type: 'date' | 'time') => {
    const id = `field-${field.name}`
    return (
      <div>
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        <input
          {...field}
          id={id}
          type={type}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} w-auto`}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
    )
  }
  return (
    <fieldset className="mb-4 mt-2">
      <legend className="font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      <div className="flex flex-wrap gap-4">
        {input(date, 'date')}
        {input(time, 'time')}
      </div>
    </fieldset>
  )
}

function NoticeChoice({
  kind,
  values,
  topic,
  onChange,
  error,
}: {
  kind: 'news' | 'event'
  values: ContentFormValues
  topic: TopicChoice | null
  onChange: (notify: boolean) => void
  error?: string
}) {
  const preview = phonePreview({
    title: values.title || words[kind].phoneFallback,
    summary: values.summary,
  })
  const audience = topic ? audienceSentence(topic) : null
  return (
    <>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id="field-notify"
          name="notify"
          checked={values.notify}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={['field-notify-hint', error ? 'field-notify-error' : null]
            .filter(Boolean)
            .join(' ')}
          className="mt-1 size-6 shrink-0"
        />
        <div>
          <label htmlFor="field-notify" className="font-semibold">
            Notifica gli iscritti all’argomento
          </label>
          <p id="field-notify-hint" className="text-sm text-muted">
            L’avviso parte quando {words[kind].item} esce: subito con «Pubblica ora», all’ora scelta
            con «Programma per».
          </p>
        </div>
      </div>
      <FieldError id="field-notify-error" message={error} />
      <div aria-live="polite">
        {values.notify ? (
          <section className="mt-4 grid gap-3" aria-labelledby="notify-preview-heading">
            <h3 id="notify-preview-heading" className="font-semibold">
              Anteprima della notifica
            </h3>
            <p className="text-sm text-muted">
              Come appare su un telefono, che accorcia titolo e testo.
            </p>
            <div className="max-w-sm rounded-2xl border border-line bg-surface p-3 shadow-sm">
              <p className="text-sm text-muted">Filo · adesso</p>
              <p lang="it" className="font-semibold">
                {preview.title}
              </p>
              <p lang="it">{preview.body}</p>
            </div>
            {audience ? (
              <p>
                <strong>{audience.devices}</strong> {audience.inbox}
              </p>
            ) : (
              <p>Scegli un argomento per sapere quante persone raggiungerà.</p>
            )}
          </section>
        ) : null}
      </div>
    </>
  )
}
