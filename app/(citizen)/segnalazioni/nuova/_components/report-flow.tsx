'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { ReportMap, type MapPoint } from '@/components/reports/report-map'
import { pointInPolygon } from '@/lib/reports/geo-shared'
import { DESCRIPTION_MAX, PHOTOS_MAX } from '@/lib/reports/schemas'
import {
  acknowledgePrivacyAction,
  followReportAction,
  nearbyReportsAction,
  nearestStreetAction,
  searchAddressAction,
} from '../../actions'
import { clearDraft, isNetworkError, loadDraft, newDraft, putInOutbox, saveDraft, type ReportDraft } from './draft-store'
import { placeServerErrors, stepOfField } from './form-errors'
import { blobToDataUrl, shrinkPhoto, uploadPhoto, UploadError } from './photo-upload'
import { sendDraft } from './send-draft'
import { fill } from './texts'

export type FlowCategory = {
  id: number
  name: string
  urgentNotice: string | null
  extraQuestions: Array<{ code: string; label: string; required: boolean; type?: 'text' | 'choice'; options?: string[] }>
}

type Texts = (typeof import('@/messages/it/reports.json'))['reports']['flow']
type Nearby = Awaited<ReturnType<typeof nearbyReportsAction>>
type Errors = Record<string, string>

const STEP_KEYS = ['privacy', 'place', 'problem', 'summary', 'done'] as const

const input = 'mt-1 block w-full min-h-12 rounded-md border-2 border-muted bg-white px-3 py-2 text-lg text-ink aria-[invalid=true]:border-danger'
const primary = 'inline-flex min-h-12 items-center justify-center rounded-md bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60'
const secondary = 'inline-flex min-h-12 items-center justify-center rounded-md border-2 border-primary bg-white px-5 py-2 font-semibold text-primary hover:bg-primary-light disabled:opacity-60'

/**
 * The "Segnalazione disservizio" flow of Designers Italia: privacy, place, problem, summary,
 * confirmation. The draft lives on the device (Salva bozza); its idempotency key is made once,
 * so a double tap or a retry sends one report; offline, the report waits in an outbox.
 *
 * The page is the same for everyone (the service worker keeps it for offline use): whether
 * this device is already a citizen is asked of the server at the privacy step, and a privacy
 * acceptance given offline is passed on when the report is sent.
 */
export function ReportFlow({
  t,
  categories,
  boundary,
  center,
  privacyVersion,
  tileUrl,
  attribution,
  locale,
}: {
  t: Texts
  categories: FlowCategory[]
  boundary: { coordinates: Array<Array<[number, number]>> }
  center: MapPoint
  privacyVersion: string
  tileUrl: string
  attribution: string
  locale: 'it' | 'en'
}) {
  const [draft, setDraft] = useState<ReportDraft | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [citizenReady, setCitizenReady] = useState(false)
  const [done, setDone] = useState<{ code: string; dueDate: string | null; queued: boolean } | null>(null)
  const router = useRouter()
  const heading = useRef<HTMLHeadingElement>(null)
  const firstRender = useRef(true)

  // The draft lives in localStorage, which the server cannot read: it is picked up after mount.
  useEffect(() => {
    const saved = loadDraft()
    const restored = saved && (saved.step > 0 || saved.title || saved.lat !== undefined)
    queueMicrotask(() => {
      if (restored && saved.refused) {
        // Refused when the outbox sent it: show the server's reasons on the step they concern.
        const { refused, ...rest } = saved
        setDraft({ ...rest, step: Math.min(saved.step, 3) })
        setErrors(placeServerErrors(refused.message, refused.fieldErrors).errors)
        setNotice(t.refusedRestored)
        return
      }
      setDraft(restored ? { ...saved, step: Math.min(saved.step, 3) } : newDraft())
      if (restored) setNotice(t.draftRestored)
    })
  }, [t.draftRestored, t.refusedRestored])

  const step = done ? 4 : (draft?.step ?? 0)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    heading.current?.focus()
  }, [step])

  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), [])

  if (!draft) return <p>…</p>

  const category = categories.find((c) => String(c.id) === draft.categoryId) ?? null
  const go = (next: number, patch: Partial<ReportDraft> = {}) => {
    setErrors({})
    setNotice(null)
    const moved = { ...draft, ...patch, step: next }
    setDraft(moved)
    saveDraft(moved)
  }

  const validate = (at: number, d: ReportDraft = draft): Errors => {
    const e: Errors = {}
    const chosen = categories.find((c) => String(c.id) === d.categoryId) ?? null
    if (at === 0 && !d.privacy) e.privacy = t.privacyRequired
    if (at === 1) {
      if (d.lat === undefined || d.lon === undefined) e.place = t.placeRequired
      else if (!pointInPolygon({ lat: d.lat, lon: d.lon }, boundary)) e.place = t.outside
    }
    if (at === 2) {
      if (!chosen) e.categoryId = t.categoryRequired
      for (const q of chosen?.extraQuestions ?? []) if (q.required && !d.answers[q.code]?.trim()) e[`answer-${q.code}`] = t.answerRequired
      if (d.title.trim().length < 3) e.title = t.titleRequired
      if (d.description.trim().length < 3) e.description = t.detailsRequired
    }
    return e
  }

  /** A change by the citizen: an error goes as soon as its field is put right, not at the next "Avanti". */
  const edit = (patch: Partial<ReportDraft>) => {
    update(patch)
    const touched = (field: string) =>
      field === 'place' ? 'lat' in patch || 'lon' in patch : field.startsWith('answer-') ? 'answers' in patch : field in patch
    const still = validate(step, { ...draft, ...patch })
    setErrors((prev) => {
      const kept = Object.entries(prev).filter(([field]) => !touched(field) || still[field])
      return kept.length === Object.keys(prev).length ? prev : Object.fromEntries(kept)
    })
  }

  const next = async () => {
    const e = validate(step)
    setErrors(e)
    if (Object.keys(e).length) {
      setNotice(null)
      return
    }
    if (step === 0 && !citizenReady) {
      setBusy(true)
      let result: { ok: boolean; message?: string }
      try {
        result = await acknowledgePrivacyAction(privacyVersion)
      } catch (error) {
        // Offline: the citizen goes on; the acceptance reaches the server with the report.
        result = isNetworkError(error) ? { ok: true } : { ok: false, message: t.errorGeneric }
        if (result.ok) {
          setBusy(false)
          go(1, { privacyVersion, privacyPending: true })
          return
        }
      }
      setBusy(false)
      if (!result.ok) {
        setErrors({ privacy: result.message ?? t.errorGeneric })
        return
      }
      setCitizenReady(true)
      go(1, { privacyVersion, privacyPending: false })
      return
    }
    go(step + 1)
  }

  const saveNow = () => setNotice(saveDraft(draft) ? t.draftSaved : t.errorGeneric)

  const restart = () => {
    clearDraft()
    setDone(null)
    setErrors({})
    setNotice(null)
    setDraft({ ...newDraft(), privacy: draft.privacy, privacyVersion: draft.privacyVersion, privacyPending: draft.privacyPending, step: draft.privacy ? 1 : 0 })
  }

  const send = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    // What was done before a failure (privacy passed on, photos uploaded) is never done twice.
    let latest = draft
    try {
      const result = await sendDraft(draft, (progress) => {
        latest = progress
        setDraft(progress)
        saveDraft(progress)
      })
      if (result.ok) {
        clearDraft()
        setDone({ code: result.publicCode, dueDate: result.dueDate, queued: false })
      } else {
        const placed = placeServerErrors(result.message, result.fieldErrors)
        if (placed.step !== null && placed.step !== latest.step) {
          const moved = { ...latest, step: placed.step }
          setDraft(moved)
          saveDraft(moved)
        }
        setErrors(placed.errors)
      }
    } catch (error) {
      if (isNetworkError(error) || (error instanceof UploadError && error.network)) {
        putInOutbox(latest)
        clearDraft()
        setDone({ code: '', dueDate: null, queued: true })
      } else setErrors({ _: t.errorGeneric })
    } finally {
      setBusy(false)
    }
  }

  /** After "Segnala anche tu": the citizen may drop the report they were writing. */
  const discardAfterFollow = (code: string) => {
    clearDraft()
    router.push(`/segnalazioni/${code}`)
  }

  const errorList = Object.entries(errors)
  return (
    <div>
      <ol className="mb-6 flex flex-wrap gap-2" aria-label={t.title}>
        {STEP_KEYS.map((key, i) => (
          <li key={key} aria-current={i === step ? 'step' : undefined} className={`rounded-full border-2 px-3 py-1 text-sm font-semibold ${i === step ? 'border-primary bg-primary text-white' : i < step ? 'border-primary text-primary' : 'border-line text-muted'}`}>
            {i + 1}. {t.steps[key]}
          </li>
        ))}
      </ol>
      <p className="text-muted">{fill(t.stepOf, { step: step + 1, total: STEP_KEYS.length })}</p>

      <div aria-live="polite" role="status">
        {notice ? <p className="my-3 rounded-md border-l-4 border-success bg-success-light p-3 font-semibold text-success">{notice}</p> : null}
      </div>
      <div aria-live="assertive">
        {errorList.length ? (
          <div role="alert" className="my-3 rounded-md border-l-4 border-danger bg-danger-light p-3 text-danger">
            <p className="font-bold">{t.errorTitle}</p>
            <ul className="list-disc pl-5">
              {errorList.map(([field, message]) => (
                // A link only to a control shown on this step; the others are for a later step.
                <li key={field}>{stepOfField(field) === step ? <a href={`#f-${field}`} className="text-danger underline" onClick={(e) => focusField(e, field)}>{message}</a> : message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {step === 0 ? (
        <Section title={t.privacyTitle} headingRef={heading}>
          <p className="mb-3 max-w-prose">{t.privacyText}</p>
          <p className="mb-4">
            <Link href="/privacy" className="inline-flex min-h-11 items-center text-primary underline">{t.privacyLink}</Link>
          </p>
          <label className="flex min-h-12 items-center gap-3 text-lg">
            <input id="f-privacy" type="checkbox" className="size-6" checked={draft.privacy} aria-invalid={Boolean(errors.privacy)} onChange={(e) => edit({ privacy: e.target.checked })} />
            {t.privacyCheck} *
          </label>
        </Section>
      ) : null}

      {step === 1 ? (
        <Section title={t.placeTitle} headingRef={heading}>
          <PlaceStep t={t} draft={draft} update={edit} boundary={boundary} center={center} tileUrl={tileUrl} attribution={attribution} error={errors.place} />
        </Section>
      ) : null}

      {step === 2 ? (
        <Section title={t.problemTitle} headingRef={heading}>
          <ProblemStep t={t} draft={draft} update={edit} categories={categories} category={category} errors={errors} privacyVersion={privacyVersion} onDiscard={discardAfterFollow} />
        </Section>
      ) : null}

      {step === 3 ? (
        <Section title={t.summaryTitle} headingRef={heading}>
          <p className="mb-4 rounded-md border-l-4 border-warning bg-warning-light p-3 font-semibold">{t.declaration}</p>
          <SummaryCard title={t.placeTitle} editLabel={t.editPlace} onEdit={() => go(1)}>
            <p>{draft.placeLabel || draft.address}</p>
          </SummaryCard>
          <SummaryCard title={t.problemTitle} editLabel={t.editProblem} onEdit={() => go(2)}>
            <dl className="grid gap-2">
              <Pair label={t.category} value={category?.name ?? ''} />
              {category?.extraQuestions.map((q) => <Pair key={q.code} label={q.label} value={draft.answers[q.code] || t.none} />)}
              <Pair label={t.titleLabel} value={draft.title} />
              <Pair label={t.detailsLabel} value={draft.description} />
              <Pair label={t.photosLabel} value={draft.photos.length ? String(draft.photos.length) : t.none} />
              <Pair label={t.contactName} value={draft.contactName || t.none} />
              <Pair label={t.contactEmail} value={draft.contactEmail || t.none} />
              <Pair label={t.contactPhone} value={draft.contactPhone || t.none} />
            </dl>
          </SummaryCard>
        </Section>
      ) : null}

      {step === 4 && done ? (
        <Section title={done.queued ? t.summaryTitle : t.doneTitle} headingRef={heading}>
          {done.queued ? (
            <p className="rounded-md border-l-4 border-warning bg-warning-light p-3 text-lg font-semibold">{t.offlineQueued}</p>
          ) : (
            <>
              {/* The code sits inside the sentence, and never breaks across lines. */}
              <p className="text-xl" data-testid="done-lead">
                {t.doneLead.split('{code}')[0]}
                <strong className="whitespace-nowrap font-mono text-2xl" data-testid="public-code">{done.code}</strong>
                {t.doneLead.split('{code}')[1] ?? ''}
              </p>
              {done.dueDate ? <p className="mt-2">{fill(t.doneExpected, { date: formatDate(done.dueDate, locale) })}</p> : null}
              <p className="mt-2">{t.doneNext}</p>
              <div className="mt-5 flex flex-wrap gap-3">
                <Link href={`/segnalazioni/${done.code}`} className={primary}>{t.doneOpen}</Link>
                <Link href="/segnalazioni/mie" className={secondary}>{t.doneMine}</Link>
              </div>
            </>
          )}
        </Section>
      ) : null}

      {step < 4 ? (
        <div className="mt-8 flex flex-wrap gap-3 border-t-2 border-line pt-5">
          {step > 0 ? <button type="button" className={secondary} onClick={() => go(step - 1)}>{t.back}</button> : null}
          {step > 0 ? <button type="button" className={secondary} onClick={saveNow}>{t.saveDraft}</button> : null}
          {step < 3 ? (
            <button type="button" className={primary} onClick={() => void next()} disabled={busy}>{t.next}</button>
          ) : (
            <button type="button" className={primary} onClick={() => void send()} disabled={busy} aria-busy={busy}>
              {busy ? t.sending : t.send}
            </button>
          )}
          {step > 0 ? <button type="button" className="min-h-12 px-3 text-primary underline" onClick={restart}>{t.discardDraft}</button> : null}
        </div>
      ) : null}
    </div>
  )
}

/** An error link takes the keyboard to its field (a fragment alone only scrolls there). */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(`f-${field}`)
  if (!target) return
  event.preventDefault()
  target.focus()
  target.scrollIntoView({ block: 'center' })
}

function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

function Section({ title, headingRef, children }: { title: string; headingRef: React.RefObject<HTMLHeadingElement | null>; children: ReactNode }) {
  return (
    <section>
      <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-2xl font-bold outline-none focus-visible:ring-4">{title}</h2>
      {children}
    </section>
  )
}

function SummaryCard({ title, editLabel, onEdit, children }: { title: string; editLabel: string; onEdit: () => void; children: ReactNode }) {
  return (
    <div className="mb-4 rounded-md border-2 border-line p-4">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xl font-semibold">{title}</h3>
        <button type="button" className="min-h-11 px-2 text-primary underline" onClick={onEdit}>{editLabel}</button>
      </div>
      {children}
    </div>
  )
}

function Pair({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-semibold">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{value}</dd>
    </div>
  )
}

function PlaceStep({
  t,
  draft,
  update,
  boundary,
  center,
  tileUrl,
  attribution,
  error,
}: {
  t: Texts
  draft: ReportDraft
  update: (patch: Partial<ReportDraft>) => void
  boundary: { coordinates: Array<Array<[number, number]>> }
  center: MapPoint
  tileUrl: string
  attribution: string
  error?: string
}) {
  const [query, setQuery] = useState(draft.address)
  const [results, setResults] = useState<Array<{ label: string; lat: number; lon: number }> | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [mapOpen, setMapOpen] = useState(false)
  const [searching, setSearching] = useState(false)
  const resultsId = useId()

  const choosePoint = async (point: MapPoint, source: 'gps' | 'map') => {
    if (!pointInPolygon(point, boundary)) {
      update({ lat: undefined, lon: undefined, placeLabel: '' })
      setStatus(t.outside)
      return
    }
    const coords = fill(t.coordinates, { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) })
    update({ lat: point.lat, lon: point.lon, placeLabel: coords, address: '' })
    setStatus(null)
    const street = await nearestStreetAction(point).catch(() => null)
    const label = street ? `${fill(t.nearStreet, { street })} (${coords})` : coords
    update({ lat: point.lat, lon: point.lon, placeLabel: label, address: street ?? '' })
    void source
  }

  const gps = () => {
    if (!('geolocation' in navigator)) {
      setStatus(t.gpsUnavailable)
      return
    }
    setStatus(t.gpsLocating)
    navigator.geolocation.getCurrentPosition(
      (position) => void choosePoint({ lat: position.coords.latitude, lon: position.coords.longitude }, 'gps'),
      () => setStatus(t.gpsDenied),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  const search = async () => {
    if (query.trim().length < 2) return
    setSearching(true)
    try {
      setResults(await searchAddressAction(query))
      setStatus(null)
    } catch (error) {
      setResults(null)
      setStatus(isNetworkError(error) ? t.searchOffline : t.errorGeneric)
    } finally {
      setSearching(false)
    }
  }

  const chosen = draft.lat !== undefined
  return (
    <div>
      <p className="mb-4 max-w-prose">{t.placeLead}</p>
      <button type="button" className={`${secondary} mb-6`} onClick={gps}>{t.gps}</button>

      <div className="mb-4">
        <label htmlFor="f-address" className="block text-lg font-semibold">{t.addressLabel}</label>
        <p id="f-address-hint" className="text-muted">{t.addressHint}</p>
        <div className="flex flex-wrap gap-2">
          <input
            id="f-address"
            type="search"
            autoComplete="street-address"
            className={`${input} max-w-md flex-1`}
            value={query}
            aria-describedby="f-address-hint"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void search()
              }
            }}
          />
          <button type="button" className={`${secondary} mt-1`} onClick={() => void search()} disabled={searching}>{searching ? t.searching : t.search}</button>
        </div>
      </div>
      {results ? (
        results.length ? (
          <div className="mb-4">
            <h3 id={resultsId} className="font-semibold">{t.results}</h3>
            <ul aria-labelledby={resultsId} className="mt-2 grid gap-2">
              {results.map((r) => (
                <li key={r.label}>
                  <button
                    type="button"
                    className="min-h-12 w-full rounded-md border-2 border-line px-3 text-left hover:border-primary"
                    aria-label={fill(t.choose, { label: r.label })}
                    onClick={() => {
                      update({ lat: r.lat, lon: r.lon, address: r.label, placeLabel: r.label })
                      setResults(null)
                      setStatus(null)
                    }}
                  >
                    {r.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="mb-4" role="status">{t.noResults}</p>
        )
      ) : null}

      {tileUrl ? (
        <div className="mb-4">
          <button type="button" className={secondary} aria-expanded={mapOpen} onClick={() => setMapOpen((o) => !o)}>{mapOpen ? t.hideMap : t.showMap}</button>
          {mapOpen ? (
            <div className="mt-3">
              <ReportMap
                center={draft.lat !== undefined && draft.lon !== undefined ? { lat: draft.lat, lon: draft.lon } : center}
                zoom={15}
                tileUrl={tileUrl}
                attribution={attribution}
                picked={draft.lat !== undefined && draft.lon !== undefined ? { lat: draft.lat, lon: draft.lon } : null}
                onPick={(p) => void choosePoint(p, 'map')}
                boundary={boundary}
                labels={{ region: t.mapRegion, tilesUnavailable: t.tilesUnavailable, pickedPoint: t.pickedPoint }}
              />
            </div>
          ) : null}
        </div>
      ) : null}

      <div aria-live="polite">{status ? <p className="my-3 rounded-md border-l-4 border-line bg-surface p-3 font-semibold">{status}</p> : null}</div>
      <div id="f-place" tabIndex={-1} className={`mt-4 rounded-md border-2 p-4 ${error ? 'border-danger' : 'border-line'}`}>
        <h3 className="font-semibold">{t.chosenPlace} *</h3>
        <p data-testid="chosen-place">{chosen ? draft.placeLabel : '—'}</p>
        {error ? <p className="mt-1 font-semibold text-danger">{error}</p> : null}
      </div>
    </div>
  )
}

function ProblemStep({
  t,
  draft,
  update,
  categories,
  category,
  errors,
  privacyVersion,
  onDiscard,
}: {
  t: Texts
  draft: ReportDraft
  update: (patch: Partial<ReportDraft>) => void
  categories: FlowCategory[]
  category: FlowCategory | null
  errors: Errors
  privacyVersion: string
  onDiscard: (code: string) => void
}) {
  const [nearbyFor, setNearbyFor] = useState<{ key: string; list: Nearby }>({ key: '', list: [] })
  const [followed, setFollowed] = useState<string | null>(null)
  const [progress, setProgress] = useState<{ name: string; value: number; preparing?: boolean } | null>(null)
  const [photoStatus, setPhotoStatus] = useState<string | null>(null)

  const nearbyKey = category && draft.lat !== undefined && draft.lon !== undefined ? `${category.id}|${draft.lat}|${draft.lon}` : ''
  const nearby = nearbyFor.key === nearbyKey ? nearbyFor.list : []
  useEffect(() => {
    if (!nearbyKey) return
    const [categoryId, lat, lon] = nearbyKey.split('|').map(Number) as [number, number, number]
    let live = true
    nearbyReportsAction({ categoryId, lat, lon })
      .then((list) => live && setNearbyFor({ key: nearbyKey, list }))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [nearbyKey])

  const follow = async (code: string) => {
    const result = await followReportAction(code).catch(() => ({ ok: false as const, message: t.errorGeneric }))
    if (result.ok) setFollowed(code)
    else setPhotoStatus(result.message)
  }

  const addPhotos = async (files: FileList | null) => {
    if (!files) return
    let privacyPending = draft.privacyPending
    if (privacyPending) {
      // Accepted offline: the server must know this device before it takes a photo from it.
      const ack = await acknowledgePrivacyAction(draft.privacyVersion ?? privacyVersion).catch(() => null)
      if (ack?.ok) privacyPending = false
    }
    let photos = [...draft.photos]
    for (const file of Array.from(files)) {
      if (photos.length >= PHOTOS_MAX) {
        setPhotoStatus(t.photoTooMany)
        break
      }
      const blob = await shrinkPhoto(file, { onDecodingHeif: () => setProgress({ name: file.name, value: 0, preparing: true }) })
      setProgress({ name: file.name, value: 0 })
      try {
        const uploaded = await uploadPhoto(blob, (value) => setProgress({ name: file.name, value }))
        photos = [...photos, { id: uploaded.id, url: uploaded.url, name: file.name }]
        setPhotoStatus(t.photoUploaded)
      } catch (error) {
        if (error instanceof UploadError && error.network) {
          photos = [...photos, { dataUrl: await blobToDataUrl(blob), name: file.name }]
          setPhotoStatus(t.photoQueued)
        } else setPhotoStatus(fill(t.photoFailed, { message: error instanceof Error ? error.message : '' }))
      }
      setProgress(null)
      update({ photos, privacyPending })
    }
  }

  const field = (name: string) => ({ id: `f-${name}`, 'aria-invalid': Boolean(errors[name]), 'aria-describedby': errors[name] ? `f-${name}-error` : undefined })
  const fieldError = (name: string) => (errors[name] ? <p id={`f-${name}-error`} className="mt-1 font-semibold text-danger">{errors[name]}</p> : null)

  return (
    <div>
      <p className="mb-4 text-muted">{t.required}</p>
      <div className="mb-5">
        <label htmlFor="f-categoryId" className="block text-lg font-semibold">{t.category} *</label>
        <select {...field('categoryId')} className={input} value={draft.categoryId} onChange={(e) => update({ categoryId: e.target.value, answers: {} })}>
          <option value="">{t.chooseCategory}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
        {fieldError('categoryId')}
      </div>
      {category?.urgentNotice ? (
        <div role="note" className="mb-5 rounded-md border-l-4 border-danger bg-danger-light p-3 text-danger">
          <p className="font-bold">{t.urgent}</p>
          <p className="font-semibold">{category.urgentNotice}</p>
        </div>
      ) : null}

      {nearby.length ? (
        <section aria-labelledby="nearby-title" className="mb-6 rounded-md border-2 border-primary p-4">
          <h3 id="nearby-title" className="text-xl font-bold">{t.nearbyTitle}</h3>
          <p className="mb-3">{t.nearbyLead}</p>
          <div aria-live="polite">
            {followed ? (
              <p className="mb-3 rounded-md border-l-4 border-success bg-success-light p-3 font-semibold text-success">
                {fill(t.meTooDone, { code: followed })}{' '}
                <Link href={`/segnalazioni/${followed}`} className="underline">{fill(t.meTooOpen, { code: followed })}</Link>
              </p>
            ) : null}
            {followed ? (
              <button type="button" className={`${secondary} mb-3`} onClick={() => onDiscard(followed)}>{fill(t.meTooDiscard, { code: followed })}</button>
            ) : null}
          </div>
          <ul className="grid gap-3">
            {nearby.map((r) => (
              <li key={r.publicCode} className="rounded-md border border-line p-3">
                <div className="flex gap-3">
                  {/* eslint-disable-next-line @next/next/no-img-element -- photos are already resized JPEGs */}
                  {r.photo ? <img src={r.photo} alt="" width={96} height={72} className="h-18 w-24 rounded object-cover" /> : null}
                  <div>
                    <p className="font-semibold">{r.title}</p>
                    <p className="text-sm text-muted">{r.publicCode} · {fill(t.nearbyDistance, { meters: r.distance })}{r.address ? ` · ${r.address}` : ''}</p>
                    <p className="mt-1 line-clamp-3">{r.description}</p>
                  </div>
                </div>
                {r.following || followed === r.publicCode ? (
                  <p className="mt-2 font-semibold">{t.alreadyFollowing}</p>
                ) : (
                  <button type="button" className={`${secondary} mt-2`} onClick={() => void follow(r.publicCode)}>{fill(t.meToo, { title: r.title })}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {category?.extraQuestions.map((q) => (
        <div key={q.code} className="mb-5">
          <label htmlFor={`f-answer-${q.code}`} className="block text-lg font-semibold">{q.label}{q.required ? ' *' : ''}</label>
          {q.type === 'choice' ? (
            <select
              {...field(`answer-${q.code}`)}
              className={input}
              value={draft.answers[q.code] ?? ''}
              onChange={(e) => update({ answers: { ...draft.answers, [q.code]: e.target.value } })}
            >
              <option value="">{t.answerChoose}</option>
              {(q.options ?? []).map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          ) : (
            <input
              {...field(`answer-${q.code}`)}
              className={input}
              value={draft.answers[q.code] ?? ''}
              onChange={(e) => update({ answers: { ...draft.answers, [q.code]: e.target.value } })}
            />
          )}
          {fieldError(`answer-${q.code}`)}
        </div>
      ))}

      <div className="mb-5">
        <label htmlFor="f-title" className="block text-lg font-semibold">{t.titleLabel} *</label>
        <p id="f-title-hint" className="text-muted">{t.titleHint}</p>
        <input {...field('title')} aria-describedby={errors.title ? 'f-title-hint f-title-error' : 'f-title-hint'} className={input} maxLength={120} value={draft.title} onChange={(e) => update({ title: e.target.value })} />
        {fieldError('title')}
      </div>
      <div className="mb-5">
        <label htmlFor="f-description" className="block text-lg font-semibold">{t.detailsLabel} *</label>
        <p id="f-description-hint" className="text-muted">{t.detailsHint}</p>
        <textarea
          {...field('description')}
          aria-describedby={errors.description ? 'f-description-hint f-description-error' : 'f-description-hint'}
          className={`${input} min-h-32`}
          maxLength={DESCRIPTION_MAX}
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
        />
        <p className="text-sm text-muted">{fill(t.charactersLeft, { count: DESCRIPTION_MAX - draft.description.length })}</p>
        {fieldError('description')}
      </div>

      <fieldset id="f-photoIds" tabIndex={-1} className="mb-5">
        <legend className="text-lg font-semibold">{t.photosLabel}</legend>
        <p id="f-photos-hint" className="text-muted">{t.photosHint}</p>
        {draft.photos.length ? (
          <ul className="my-3 flex flex-wrap gap-3">
            {draft.photos.map((p, i) => (
              <li key={p.id ?? p.dataUrl ?? i} className="flex flex-col items-start gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL or our own resized JPEG */}
                <img src={p.url ?? p.dataUrl} alt={fill(t.photoAlt, { number: i + 1 })} width={120} height={90} className="h-24 w-32 rounded object-cover" />
                <button type="button" className="min-h-11 text-primary underline" onClick={() => update({ photos: draft.photos.filter((_, j) => j !== i) })}>
                  {fill(t.photoRemove, { number: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {draft.photos.length < PHOTOS_MAX ? (
          <>
            {/* A large button, not the browser's bare "Choose files": the input hides inside its label (as the chat's FilePickButton). */}
            <label className="mt-3 inline-flex min-h-14 cursor-pointer items-center gap-2 rounded-md border-2 border-primary bg-white px-5 py-2 text-lg font-semibold text-primary hover:bg-primary-light has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-[#ff9900] has-[:focus-visible]:outline-solid">
              <span aria-hidden="true">📷</span>
              {t.photosAdd}
              <input
                id="f-photos"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
                multiple
                aria-describedby="f-photos-hint f-photos-chosen"
                className="sr-only"
                onChange={(e) => {
                  void addPhotos(e.target.files)
                  e.target.value = ''
                }}
              />
            </label>
          </>
        ) : null}
        <p id="f-photos-chosen" className="mt-2" data-testid="photos-chosen">
          {draft.photos.length ? fill(t.photosChosen, { count: draft.photos.length, names: draft.photos.map((p) => p.name).join(', ') }) : t.photosNone}
        </p>
        {progress ? (
          <div className="mt-2">
            <label htmlFor="photo-progress">{fill(progress.preparing ? t.photoPreparing : t.photoUploading, { name: progress.name })}</label>
            {/* Without a value the bar is indeterminate: decoding a HEIC reports no progress. */}
            <progress id="photo-progress" className="block w-full" max={1} value={progress.preparing ? undefined : progress.value} />
          </div>
        ) : null}
        <div aria-live="polite">{photoStatus ? <p className="mt-2 font-semibold">{photoStatus}</p> : null}</div>
      </fieldset>

      <fieldset className="mb-5 rounded-md border-2 border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t.contactTitle}</legend>
        <p className="mb-3 text-muted">{t.contactLead}</p>
        <label htmlFor="f-contactName" className="block font-semibold">{t.contactName}</label>
        <input {...field('contactName')} autoComplete="name" className={`${input} mb-3`} value={draft.contactName} onChange={(e) => update({ contactName: e.target.value })} />
        {fieldError('contactName')}
        <label htmlFor="f-contactEmail" className="block font-semibold">{t.contactEmail}</label>
        <input {...field('contactEmail')} type="email" autoComplete="email" className={`${input} mb-3`} value={draft.contactEmail} onChange={(e) => update({ contactEmail: e.target.value })} />
        {fieldError('contactEmail')}
        <label htmlFor="f-contactPhone" className="block font-semibold">{t.contactPhone}</label>
        <input {...field('contactPhone')} type="tel" autoComplete="tel" className={input} value={draft.contactPhone} onChange={(e) => update({ contactPhone: e.target.value })} />
        {fieldError('contactPhone')}
      </fieldset>
    </div>
  )
}
