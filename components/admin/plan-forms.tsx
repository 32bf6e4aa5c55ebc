'use client'

import { useActionState } from 'react'
import type { ActionFailure } from '@/lib/errors'
import type { Ring } from '@/lib/alerts/geometry-shared'
import { MapEditor } from '@/components/map/map-editor'
import { submitKeepingValues } from './keep-values'
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from './form-parts'

type FormResult = { ok: true; message: string } | ActionFailure
type Action = (previous: FormResult | null, formData: FormData) => Promise<FormResult>

const errorsOf = (state: FormResult | null) => (state && !state.ok ? (state.fieldErrors ?? {}) : {})

const VERTICES_HINT = 'Clicca sulla mappa per aggiungere i vertici, oppure scrivili qui: uno per riga, latitudine e longitudine separate da una virgola (ad esempio 43.4651, 11.8802).'

/** A standing zone: name, description and its polygon, drawn on the map or typed. */
export function ZoneForm({
  action,
  boundary,
  tileUrl,
  zone,
}: {
  action: Action
  boundary: Ring
  tileUrl: string
  zone?: { id: number; name: string; description: string; vertices: string }
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="rounded border border-line bg-white p-4">
      <FormMessage result={state} />
      {zone ? <input type="hidden" name="zoneId" value={zone.id} /> : null}
      <Field name="name" label="Nome della zona" error={errors.name}>
        {(props) => <input {...props} name="name" defaultValue={zone?.name} maxLength={100} className={inputClass} />}
      </Field>
      <Field name="description" label="Descrizione" hint="Facoltativa: quali vie o frazioni comprende." error={errors.description}>
        {(props) => <textarea {...props} name="description" rows={2} defaultValue={zone?.description} className={inputClass} />}
      </Field>
      <MapEditor
        name="vertices"
        mode="polygon"
        boundary={boundary}
        tileUrl={tileUrl}
        defaultValue={zone?.vertices}
        label="Vertici del poligono"
        hint={VERTICES_HINT}
        error={errors.vertices}
        mapLabel="Mappa del Comune: clicca per aggiungere un vertice"
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Salvataggio…' : 'Salva la zona'}
      </button>
    </form>
  )
}

/** Retire a zone (or bring it back). */
export function ZoneRetireForm({ action, zoneId, retired }: { action: Action; zoneId: number; retired: boolean }) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="rounded border border-line bg-white p-4">
      <FormMessage result={state} />
      <p className="mb-3">
        {retired ? 'La zona è ritirata: non compare tra le scelte.' : 'Una zona ritirata non compare più tra le scelte dei cittadini e del compositore delle allerte.'}
      </p>
      <input type="hidden" name="zoneId" value={zoneId} />
      <input type="hidden" name="retired" value={retired ? '0' : '1'} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {retired ? 'Ripristina la zona' : 'Ritira la zona'}
      </button>
    </form>
  )
}

export function WaitingAreaForm({
  action,
  boundary,
  tileUrl,
  zones,
  area,
}: {
  action: Action
  boundary: Ring
  tileUrl: string
  zones: Array<{ id: number; name: string }>
  area?: { id: number; name: string; address: string; point: string; zoneId: number | null; notes: string; active: boolean }
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="rounded border border-line bg-white p-4">
      <FormMessage result={state} />
      {area ? <input type="hidden" name="areaId" value={area.id} /> : null}
      <Field name="name" label="Nome" error={errors.name}>
        {(props) => <input {...props} name="name" defaultValue={area?.name} className={inputClass} />}
      </Field>
      <Field name="address" label="Indirizzo" error={errors.address}>
        {(props) => <input {...props} name="address" defaultValue={area?.address} className={inputClass} />}
      </Field>
      <MapEditor
        name="point"
        mode="point"
        boundary={boundary}
        tileUrl={tileUrl}
        defaultValue={area?.point}
        label="Posizione (latitudine, longitudine)"
        hint="Clicca sulla mappa nel punto dell’area, oppure scrivi le coordinate, ad esempio 43.4651, 11.8802."
        error={errors.point}
        mapLabel="Mappa del Comune: clicca per indicare il punto"
      />
      <Field name="zoneId" label="Zona" hint="Facoltativa." error={errors.zoneId}>
        {(props) => (
          <select {...props} name="zoneId" defaultValue={area?.zoneId ?? ''} className={inputClass}>
            <option value="">Nessuna</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="notes" label="Note" hint="Facoltative: ad esempio accesso per chi ha difficoltà motorie." error={errors.notes}>
        {(props) => <textarea {...props} name="notes" rows={2} defaultValue={area?.notes} className={inputClass} />}
      </Field>
      <label className="mb-4 flex min-h-11 items-center gap-2 font-semibold">
        <input type="checkbox" name="active" defaultChecked={area?.active ?? true} className="size-5 accent-primary" />
        In uso (proposta nelle allerte e ai cittadini)
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Salvataggio…' : 'Salva l’area di attesa'}
      </button>
    </form>
  )
}

export function RiskTemplateForm({ action, risk, label, instructionsIt, instructionsEn }: { action: Action; risk: string; label: string; instructionsIt: string; instructionsEn: string }) {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = errorsOf(state)
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="rounded border border-line bg-white p-4">
      <h2 className="mb-2 text-xl font-semibold">{label}</h2>
      <FormMessage result={state} />
      <input type="hidden" name="risk" value={risk} />
      <Field name={`${risk}-it`} label="Norme di comportamento (italiano)" hint="Una norma per riga." error={errors.instructionsIt}>
        {(props) => <textarea {...props} name="instructionsIt" rows={4} defaultValue={instructionsIt} className={inputClass} />}
      </Field>
      <Field name={`${risk}-en`} label="Norme di comportamento (inglese)" hint="Facoltative." error={errors.instructionsEn}>
        {(props) => <textarea {...props} name="instructionsEn" rows={3} defaultValue={instructionsEn} className={inputClass} lang="en" />}
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        Salva le norme
      </button>
    </form>
  )
}
