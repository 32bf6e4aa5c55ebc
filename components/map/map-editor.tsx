'use client'

import 'leaflet/dist/leaflet.css'
import { useEffect, useId, useRef, useState } from 'react'
import type { LayerGroup, Map as LeafletMap } from 'leaflet'
import { parseLatLon, polygonProblem, pointInRing, type Ring } from '@/lib/alerts/geometry-shared'
import { createBaseMap, loadLeaflet } from './leaflet-base'

type Mode = 'polygon' | 'point'

/** The points a text currently describes, skipping lines that are not (yet) readable. */
function pointsOf(text: string): Array<[number, number]> {
  return text
    .split(/\r?\n/)
    .map(parseLatLon)
    .filter((p): p is [number, number] => p !== null)
}

function closed(points: Array<[number, number]>): Ring {
  const ring = points.map(([lat, lon]) => [lon, lat] as [number, number])
  const first = ring[0]
  return first ? [...ring, first] : ring
}

/**
 * Draw a polygon (or place a point) by clicking on a map of the Comune; the same vertices
 * are a text list of "latitude, longitude" lines that can be typed instead (keyboard users,
 * screen readers, coordinates from the emergency plan). Works without map tiles: the
 * Comune's boundary is always drawn. The text field is what the form submits.
 */
export function MapEditor({
  name,
  mode,
  boundary,
  tileUrl,
  defaultValue = '',
  label,
  hint,
  error,
  mapLabel,
  onChange,
}: {
  name: string
  mode: Mode
  /** The Comune's boundary, [lon, lat] closed ring. */
  boundary: Ring
  /** Tile URL template ({z}/{x}/{y}); empty for a blank map. */
  tileUrl: string
  defaultValue?: string
  label: string
  hint?: string
  error?: string
  mapLabel: string
  /** Told the vertex text after each change (typed or clicked), e.g. to re-count an audience. */
  onChange?: (text: string) => void
}) {
  const id = useId()
  const fieldId = `field-${name}`
  const [text, setText] = useState(defaultValue)
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<LeafletMap | null>(null)
  const drawn = useRef<LayerGroup | null>(null)
  const [ready, setReady] = useState(false)
  const points = pointsOf(text)

  // Leaflet needs the browser: loaded once the component is on the page.
  useEffect(() => {
    let cancelled = false
    let created: LeafletMap | null = null
    void loadLeaflet().then((L) => {
      if (cancelled || !container.current) return
      created = createBaseMap(L, container.current, {
        tileUrl,
        boundary,
        options: { attributionControl: Boolean(tileUrl), zoomSnap: 0.25, doubleClickZoom: false },
      })
      drawn.current = L.layerGroup().addTo(created)
      created.on('click', (event) => {
        const line = `${event.latlng.lat.toFixed(5)}, ${event.latlng.lng.toFixed(5)}`
        setText((current) => (mode === 'point' ? line : current.trim() === '' ? line : `${current.replace(/\s+$/, '')}\n${line}`))
      })
      map.current = created
      setReady(true)
    })
    return () => {
      cancelled = true
      created?.remove()
      map.current = null
    }
  }, [boundary, tileUrl, mode])

  useEffect(() => {
    onChange?.(text)
  }, [text, onChange])

  // Redraw what the text describes.
  useEffect(() => {
    const group = drawn.current
    if (!ready || !group) return
    void loadLeaflet().then((L) => {
      group.clearLayers()
      const latLngs = points.map(([lat, lon]) => [lat, lon] as [number, number])
      if (mode === 'polygon' && latLngs.length >= 3) L.polygon(latLngs, { color: '#0066cc', weight: 3, fillOpacity: 0.25, interactive: false }).addTo(group)
      else if (mode === 'polygon' && latLngs.length === 2) L.polyline(latLngs, { color: '#0066cc', weight: 3, interactive: false }).addTo(group)
      for (const p of latLngs) L.circleMarker(p, { radius: 6, color: '#003d7a', weight: 2, fillColor: '#ffffff', fillOpacity: 1, interactive: false }).addTo(group)
    })
    // points is derived from text on every render: text is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, ready, mode])

  const problem =
    mode === 'polygon'
      ? points.length === 0
        ? null
        : points.length < 3
          ? `${points.length === 1 ? '1 vertice' : `${points.length} vertici`}: ne servono almeno tre.`
          : polygonProblem(closed(points), boundary)
      : points[0] && !pointInRing([points[0][1], points[0][0]], boundary)
        ? 'Il punto è fuori dal territorio del Comune.'
        : null
  const status =
    mode === 'polygon'
      ? points.length >= 3 && !problem
        ? `Poligono di ${points.length} vertici, dentro il Comune.`
        : (problem ?? 'Nessun vertice ancora.')
      : points[0] && !problem
        ? `Punto: ${points[0][0].toFixed(5)}, ${points[0][1].toFixed(5)}.`
        : (problem ?? 'Nessun punto ancora.')

  const describedBy = [hint ? `${fieldId}-hint` : null, `${id}-status`, error ? `${fieldId}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="mb-4">
      <div
        ref={container}
        role="region"
        aria-label={mapLabel}
        className="relative z-0 h-80 w-full cursor-crosshair rounded border-2 border-muted bg-surface"
        data-testid={`map-${name}`}
      />
      <p id={`${id}-status`} aria-live="polite" className={`mt-2 font-semibold ${problem ? 'text-danger' : ''}`}>
        {status}
      </p>
      {mode === 'polygon' ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className="inline-flex min-h-11 items-center rounded border-2 border-primary bg-white px-4 font-semibold text-primary"
            onClick={() => setText(text.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, -1).join('\n'))}
            disabled={points.length === 0}
          >
            Togli l’ultimo vertice
          </button>
          <button
            type="button"
            className="inline-flex min-h-11 items-center rounded border-2 border-primary bg-white px-4 font-semibold text-primary"
            onClick={() => setText('')}
            disabled={points.length === 0}
          >
            Ricomincia
          </button>
        </div>
      ) : null}
      <label htmlFor={fieldId} className="mt-3 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {mode === 'polygon' ? (
        <textarea
          id={fieldId}
          name={name}
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          spellCheck={false}
          className="mt-1 block w-full rounded border-2 border-muted bg-white px-3 py-2 font-mono text-base aria-[invalid=true]:border-danger"
        />
      ) : (
        <input
          id={fieldId}
          name={name}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          spellCheck={false}
          inputMode="decimal"
          className="mt-1 block min-h-11 w-full rounded border-2 border-muted bg-white px-3 py-2 font-mono text-base aria-[invalid=true]:border-danger"
        />
      )}
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1 font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </div>
  )
}
