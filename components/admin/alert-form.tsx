'use client'

import { useActionState, useEffect, useRef, useState, useTransition } from 'react'
import type { ActionFailure } from '@/lib/errors'
import { alertLevels, alertPhases, levelLabels } from '@/lib/alerts/schemas'
import type { Ring } from '@/lib/alerts/geometry-shared'
import { LevelBadge } from '@/components/alerts/level-badge'
import { MapEditor } from '@/components/map/map-editor'
import { ErrorSummary, type SummaryField } from './error-summary'
import {
  Field,
  FieldError,
  FormMessage,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>
type Choice = { id: number; name: string }

const phaseLabels: Record<(typeof alertPhases)[number], string> = {
  attenzione: 'Attenzione',
  preallarme: 'Preallarme',
  allarme: 'Allarme',
}
/** The form's fields in screen order, as the error summary names them. */
const summaryFields: SummaryField[] = [
  { name: 'level', label: 'Livello di allerta' },
  { name: 'headline', label: 'Titolo' },
  { name: 'risks', label: 'Rischi' },
  { name: 'description', label: 'Descrizione della situazione' },
  { name: 'instructions', label: 'Cosa devono fare i cittadini' },
  { name: 'waitingAreaIds', label: 'Aree di attesa da indicare' },
  { name: 'zoneIds', label: 'Zone interessate' },
  { name: 'customPolygon', label: 'Vertici dell’area' },
  { name: 'validFrom', label: 'Valida dal' },
  { name: 'validUntil', label: 'Valida fino al' },
  { name: 'comuneActions', label: 'Cosa sta facendo il Comune' },
  { name: 'phase', label: 'Fase operativa' },
  { name: 'issuer', label: 'Emessa da' },
  { name: 'sourceUrl', label: 'Link al bollettino o all’ordinanza' },
]
const fieldsetClass = 'mb-4 rounded border border-line p-3'
const checkClass = 'size-5 accent-primary'

function errorsOf(state: FormResult | null): Record<string, string> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {}
}

/** A fieldset of checkboxes or radios: the group carries the error, like Field does for one input. */
function Group({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string
  legend: string
  hint?: string
  error?: string
  children: React.ReactNode
}) {
  const id = `field-${name}`
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <fieldset
      id={id}
      className={fieldsetClass}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={`${labelClass} px-1`}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">{children}</div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  )
}

/** What the form starts with: a new alert's validity, or everything of a draft being edited. */
export type AlertFormDefaults = {
  validFrom: string
  validUntil: string
  level?: (typeof alertLevels)[number]
  phase?: string | null
  risks?: string[]
  headline?: string
  description?: string
  comuneActions?: string
  instructions?: string
  sourceUrl?: string
  issuer?: string
  zoneIds?: number[]
  /** The drawn area as the vertex list the map editor shows ("lat, lon" per line). */
  customPolygon?: string
  waitingAreaIds?: number[]
}

export function AlertForm({
  action,
  countAction,
  risks: riskOptions,
  zones,
  waitingAreas,
  templates,
  initialDevices,
  defaults,
  boundary,
  tileUrl,
  alertId,
}: {
  action: Action
  /** Devices reached by these zones or, when given, by this drawn area ("lat, lon" lines). */
  countAction: (zoneIds: number[], drawnVertices?: string) => Promise<number | null>
  /** Risk codes with their Italian names (from lib/alerts/cap riskInfo, server side). */
  risks: Array<{ value: string; label: string }>
  zones: Choice[]
  waitingAreas: Array<Choice & { address: string }>
  templates: Record<string, string>
  initialDevices: number
  defaults: AlertFormDefaults
  boundary: Ring
  tileUrl: string
  /** Set when editing a draft: sent back with the form. */
  alertId?: string
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  const summaryErrors = state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? state.fieldErrors : null
  const [level, setLevel] = useState<(typeof alertLevels)[number] | ''>(defaults.level ?? '')
  const [risks, setRisks] = useState<string[]>(defaults.risks ?? [])
  const [instructions, setInstructions] = useState(defaults.instructions ?? '')
  const [headline, setHeadline] = useState(defaults.headline ?? '')
  const [description, setDescription] = useState(defaults.description ?? '')
  const [zoneIds, setZoneIds] = useState<number[]>(defaults.zoneIds ?? [])
  const [devices, setDevices] = useState<number | null>(initialDevices)
  const [templateNote, setTemplateNote] = useState('')
  const [areaMode, setAreaMode] = useState<'zones' | 'polygon'>(defaults.customPolygon ? 'polygon' : 'zones')
  const [drawnText, setDrawnText] = useState(defaults.customPolygon ?? '')
  const [counting, startCounting] = useTransition()
  const firstRender = useRef(true)

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    // The drawn area, not the zone boxes left over from the other mode, decides who is reached.
    startCounting(async () => setDevices(await (areaMode === 'polygon' ? countAction([], drawnText) : countAction(zoneIds))))
  }, [zoneIds, areaMode, drawnText, countAction])

  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value)

  function fillFromTemplates() {
    const texts = risks.map((r) => templates[r]).filter((t): t is string => Boolean(t))
    if (texts.length === 0) {
      setTemplateNote(
        risks.length
          ? 'Non ci sono norme pronte per i rischi scelti: scrivile tu.'
          : 'Scegli prima almeno un rischio.',
      )
      return
    }
    setInstructions(texts.join('\n'))
    setTemplateNote('Norme inserite: controllale e modificale se serve.')
  }

  const previewTitle = `${level ? levelLabels[level] : 'Allerta'}: ${headline.trim() || '…'}`
  const previewBody = (instructions.trim() || description.trim()).split('\n')[0] ?? ''

  return (
    <form action={formAction} noValidate className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0 rounded border border-line bg-white p-4">
        {summaryErrors ? (
          <ErrorSummary fieldErrors={summaryErrors} fields={summaryFields} message={state && !state.ok ? state.message : undefined} />
        ) : (
          <FormMessage result={state} />
        )}
        {alertId ? <input type="hidden" name="alertId" value={alertId} /> : null}
        {/* What matters most first: someone writing under pressure fills level and title before the details. */}
        <h2 className="mt-2 mb-3 text-xl font-semibold">Che cosa succede</h2>
        <Group name="level" legend="Livello di allerta" error={errors.level}>
          {alertLevels.map((l) => (
            <label key={l} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="level"
                value={l}
                checked={level === l}
                onChange={() => setLevel(l)}
                className={checkClass}
              />
              <LevelBadge level={l} label={levelLabels[l]} />
            </label>
          ))}
        </Group>
        <Field name="headline" label="Titolo" error={errors.headline}>
          {(props) => (
            <input
              {...props}
              name="headline"
              value={headline}
              onChange={(e) => setHeadline(e.target.value)}
              maxLength={160}
              className={inputClass}
            />
          )}
        </Field>
        <Group name="risks" legend="Rischi" error={errors.risks}>
          {riskOptions.map(({ value: r, label }) => (
            <label key={r} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="risks"
                value={r}
                checked={risks.includes(r)}
                onChange={(e) => setRisks(toggle(risks, r, e.target.checked))}
                className={checkClass}
              />
              {label}
            </label>
          ))}
        </Group>
        <Field name="description" label="Descrizione della situazione" error={errors.description}>
          {(props) => (
            <textarea
              {...props}
              name="description"
              rows={5}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <h2 className="mt-2 mb-3 text-xl font-semibold">Cosa devono fare i cittadini</h2>
        <div className="mb-4">
          <button type="button" className={secondaryButtonClass} onClick={fillFromTemplates}>
            Inserisci le norme per i rischi scelti
          </button>
          <p aria-live="polite" className="mt-1 text-sm">
            {templateNote}
          </p>
        </div>
        <Field
          name="instructions"
          label="Cosa devono fare i cittadini"
          hint="Una norma per riga: la prima compare nella notifica."
          error={errors.instructions}
        >
          {(props) => (
            <textarea
              {...props}
              name="instructions"
              rows={6}
              value={instructions}
              onChange={(e) => setInstructions(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        {waitingAreas.length ? (
          <Group
            name="waitingAreaIds"
            legend="Aree di attesa da indicare"
            error={errors.waitingAreaIds}
          >
            {waitingAreas.map((a) => (
              <label key={a.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="waitingAreaIds" value={a.id} defaultChecked={defaults.waitingAreaIds?.includes(a.id)} className={checkClass} />
                <span>
                  {a.name} <span className="text-sm text-muted">· {a.address}</span>
                </span>
              </label>
            ))}
          </Group>
        ) : null}
        <h2 className="mt-2 mb-3 text-xl font-semibold">Dove e quando</h2>
        <fieldset className={fieldsetClass}>
          <legend className={`${labelClass} px-1`}>Area interessata</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="areaMode"
              value="zones"
              checked={areaMode === 'zones'}
              onChange={() => setAreaMode('zones')}
              className={checkClass}
            />
            Zone del piano (o tutto il territorio)
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="areaMode"
              value="polygon"
              checked={areaMode === 'polygon'}
              onChange={() => setAreaMode('polygon')}
              className={checkClass}
            />
            Disegna un’area solo per questa allerta
          </label>
        </fieldset>
        {areaMode === 'zones' ? (
          <Group
            name="zoneIds"
            legend="Zone interessate"
            hint="Se non scegli nessuna zona, l’allerta vale per tutto il territorio."
            error={errors.zoneIds}
          >
            {zones.map((z) => (
              <label key={z.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="zoneIds"
                  value={z.id}
                  checked={zoneIds.includes(z.id)}
                  onChange={(e) => setZoneIds(toggle(zoneIds, z.id, e.target.checked))}
                  className={checkClass}
                />
                {z.name}
              </label>
            ))}
          </Group>
        ) : (
          <MapEditor
            name="customPolygon"
            mode="polygon"
            defaultValue={defaults.customPolygon ?? ''}
            boundary={boundary}
            tileUrl={tileUrl}
            label="Vertici dell’area"
            hint="Clicca sulla mappa per aggiungere i vertici, oppure scrivili qui: uno per riga, latitudine e longitudine separate da una virgola."
            error={errors.customPolygon}
            mapLabel="Mappa del Comune: clicca per aggiungere un vertice dell’area dell’allerta"
            onChange={setDrawnText}
          />
        )}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="validFrom" label="Valida dal" hint="Ora italiana." error={errors.validFrom}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                name="validFrom"
                defaultValue={defaults.validFrom}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            name="validUntil"
            label="Valida fino al"
            hint="Ora italiana. Al massimo 14 giorni: poi si pubblica un aggiornamento."
            error={errors.validUntil}
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                name="validUntil"
                defaultValue={defaults.validUntil}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <h2 className="mt-2 mb-3 text-xl font-semibold">Altre informazioni</h2>
        <Field name="comuneActions" label="Cosa sta facendo il Comune" error={errors.comuneActions}>
          {(props) => <textarea {...props} name="comuneActions" rows={3} defaultValue={defaults.comuneActions ?? ''} className={inputClass} />}
        </Field>
        <Field name="phase" label="Fase operativa" error={errors.phase}>
          {(props) => (
            <select {...props} name="phase" defaultValue={defaults.phase ?? ''} className={inputClass}>
              <option value="">Nessuna</option>
              {alertPhases.map((p) => (
                <option key={p} value={p}>
                  {phaseLabels[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="issuer"
          label="Emessa da"
          hint="Ad esempio: Sindaco, Centro operativo comunale."
          error={errors.issuer}
        >
          {(props) => <input {...props} name="issuer" defaultValue={defaults.issuer ?? ''} className={inputClass} />}
        </Field>
        <Field
          name="sourceUrl"
          label="Link al bollettino o all’ordinanza"
          hint="Facoltativo. Indirizzo completo, ad esempio https://…"
          error={errors.sourceUrl}
        >
          {(props) => <input {...props} type="url" name="sourceUrl" defaultValue={defaults.sourceUrl ?? ''} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Salvataggio…' : alertId ? 'Salva le modifiche' : 'Salva la bozza'}
        </button>
      </div>
      <aside className="min-w-0 self-start rounded border border-line bg-white p-4">
        <section role="region" aria-label="Anteprima della notifica">
          <h2 className="mb-2 text-xl font-semibold">Anteprima della notifica</h2>
          <div className="rounded border-2 border-ink p-3">
            <p className="font-bold">{previewTitle}</p>
            <p className="text-muted">
              {previewBody || 'La prima norma di comportamento comparirà qui.'}
            </p>
          </div>
        </section>
        <p className="mt-3" aria-live="polite">
          {counting
            ? 'Calcolo dei destinatari…'
            : devices === null
              ? areaMode === 'polygon'
                ? 'Disegna l’area (almeno tre vertici) per stimare i destinatari.'
                : 'Non è stato possibile stimare i destinatari.'
              : areaMode === 'polygon'
                ? `Raggiungerà circa ${devices} dispositivi: chi ha scelto una zona toccata dall’area e chi non ha scelto zone.`
                : `Raggiungerà circa ${devices} dispositivi.`}
        </p>
      </aside>
    </form>
  )
}
