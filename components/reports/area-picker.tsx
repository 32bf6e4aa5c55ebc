'use client'

import { useState } from 'react'
import { ReportMap, type MapPoint } from './report-map'

/**
 * Draws a routing rule's area: each tap on the map adds a corner; the ring is closed on save.
 * The corners are also editable as text ("lat, lon" per line) for keyboards and when the map
 * tiles are unavailable.
 */
export function AreaPicker({ name, center, tileUrl, attribution, initial = [] }: { name: string; center: MapPoint; tileUrl: string; attribution: string; initial?: MapPoint[] }) {
  const [points, setPoints] = useState<MapPoint[]>(initial)
  const [text, setText] = useState(initial.map((p) => `${p.lat}, ${p.lon}`).join('\n'))
  const sync = (next: MapPoint[]) => {
    setPoints(next)
    setText(next.map((p) => `${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`).join('\n'))
  }
  const parsed = text
    .split('\n')
    .map((line) => line.split(',').map((v) => Number.parseFloat(v.trim())))
    .filter((pair) => pair.length === 2 && pair.every(Number.isFinite)) as Array<[number, number]>
  const ring: Array<[number, number]> = parsed.map(([lat, lon]) => [lon, lat])
  if (ring.length >= 3) ring.push(ring[0]!)
  return (
    <div>
      {tileUrl ? (
        <ReportMap
          center={center}
          zoom={13}
          tileUrl={tileUrl}
          attribution={attribution}
          markers={points.map((p, i) => ({ ...p, label: `Vertice ${i + 1}` }))}
          onPick={(p) => sync([...points, p])}
          labels={{ region: 'Mappa: tocca per aggiungere un vertice dell’area', tilesUnavailable: 'La mappa non si carica: scrivi i vertici qui sotto.' }}
        />
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary" onClick={() => sync(points.slice(0, -1))}>
          Togli l’ultimo vertice
        </button>
        <button type="button" className="min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary" onClick={() => sync([])}>
          Tutto il Comune (nessuna area)
        </button>
      </div>
      <label htmlFor={`${name}-text`} className="mt-3 block font-semibold">
        Vertici dell’area (una riga per vertice: latitudine, longitudine; vuoto = tutto il Comune)
      </label>
      <textarea id={`${name}-text`} rows={5} className="mt-1 block w-full rounded border-2 border-muted p-2 font-mono" value={text} onChange={(e) => setText(e.target.value)} />
      <input type="hidden" name={name} value={JSON.stringify(ring.length >= 4 ? ring : [])} />
    </div>
  )
}
