'use client'

import { useId, useState } from 'react'
import { parseLatLon } from '@/lib/alerts/geometry-shared'
import { ReportMap, type MapPoint } from './report-map'

type Scope = 'comune' | 'area'

/** The vertices typed so far, and the first line that could not be read (shown, never dropped). */
function readVertices(text: string): { points: MapPoint[]; badLine: number | null } {
  const points: MapPoint[] = []
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue
    const pair = parseLatLon(line)
    if (!pair) return { points, badLine: index + 1 }
    points.push({ lat: pair[0], lon: pair[1] })
  }
  return { points, badLine: null }
}

const format = (points: MapPoint[]) => points.map((p) => `${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`).join('\n')

/**
 * Where a routing rule applies. "Tutto il territorio comunale" is a choice of its own: an
 * area with too few corners is refused by the server, never read as the whole Comune. In
 * an area, each tap on the map adds a corner; the corners are also editable as text
 * ("lat, lon" per line) for keyboards and when the map tiles are unavailable. The text is
 * what is sent, as typed.
 */
export function AreaPicker({
  name,
  center,
  tileUrl,
  attribution,
  initial = [],
  initialScope,
}: {
  name: string
  center: MapPoint
  tileUrl: string
  attribution: string
  initial?: MapPoint[]
  /** Unset for a new rule: the admin must choose. */
  initialScope?: Scope
}) {
  const id = useId()
  const [scope, setScope] = useState<Scope | undefined>(initialScope)
  const [text, setText] = useState(initial.map((p) => `${p.lat}, ${p.lon}`).join('\n'))
  const { points, badLine } = readVertices(text)
  const incomplete = badLine !== null || (points.length > 0 && points.length < 3)
  const status =
    badLine !== null
      ? `Riga ${badLine} non leggibile: scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802.`
      : points.length === 0
        ? 'Nessun vertice: tocca la mappa o scrivi almeno tre vertici.'
        : points.length < 3
          ? `${points.length === 1 ? 'Un vertice' : `${points.length} vertici`}: ne servono almeno tre.`
          : `${points.length} vertici: l’area è completa.`
  return (
    <div>
      <fieldset className="mb-3">
        <legend className="font-semibold">Dove vale la regola</legend>
        {(
          [
            ['comune', 'Tutto il territorio comunale'],
            ['area', 'Solo in un’area disegnata sulla mappa'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="mt-1 flex min-h-11 items-center gap-2">
            <input type="radio" name={`${name}Scope`} value={value} checked={scope === value} onChange={() => setScope(value)} className="size-5" />
            {label}
          </label>
        ))}
      </fieldset>
      {scope === 'area' ? (
        <>
          {tileUrl ? (
            <ReportMap
              center={center}
              zoom={13}
              tileUrl={tileUrl}
              attribution={attribution}
              markers={points.map((p, i) => ({ ...p, label: `Vertice ${i + 1}` }))}
              onPick={(p) => setText(format([...points, p]))}
              labels={{ region: 'Mappa: tocca per aggiungere un vertice dell’area', tilesUnavailable: 'La mappa non si carica: scrivi i vertici qui sotto.' }}
            />
          ) : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary" onClick={() => setText(format(points.slice(0, -1)))}>
              Togli l’ultimo vertice
            </button>
            <button type="button" className="min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary" onClick={() => setText('')}>
              Cancella tutti i vertici
            </button>
          </div>
          <label htmlFor={`${id}-text`} className="mt-3 block font-semibold">
            Vertici dell’area (una riga per vertice: latitudine, longitudine; almeno tre)
          </label>
          <textarea
            id={`${id}-text`}
            name={name}
            rows={5}
            className="mt-1 block w-full rounded border-2 border-muted p-2 font-mono aria-[invalid=true]:border-danger"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-status`}
            aria-invalid={incomplete}
          />
          <p id={`${id}-status`} aria-live="polite" className={`mt-1 font-semibold ${incomplete ? 'text-danger' : ''}`}>
            {status}
          </p>
        </>
      ) : null}
    </div>
  )
}
