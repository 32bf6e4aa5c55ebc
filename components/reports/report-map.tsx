'use client'

import 'leaflet/dist/leaflet.css'
import { useEffect, useRef, useState } from 'react'
import type { Map as LeafletMap, LayerGroup } from 'leaflet'
import { createBaseMap, loadLeaflet } from '@/components/map/leaflet-base'

export type MapPoint = { lat: number; lon: number }
export type MapMarker = MapPoint & { label: string; href?: string }

/**
 * A Leaflet map of the Comune: shows markers and, when `onPick` is given, lets the citizen
 * tap a point. Optional everywhere: when tiles cannot load, a note says so and the address
 * field (or the list beside it) does the same job.
 */
export function ReportMap({
  center,
  zoom = 14,
  tileUrl,
  attribution,
  markers = [],
  picked,
  onPick,
  labels,
  className = 'h-80',
  boundary,
}: {
  center: MapPoint
  zoom?: number
  tileUrl: string
  attribution: string
  markers?: MapMarker[]
  picked?: MapPoint | null
  onPick?: (point: MapPoint) => void
  labels: { region: string; tilesUnavailable: string; pickedPoint?: string }
  className?: string
  /** The Comune's boundary, drawn as a line: it shows even when the tiles cannot load. */
  boundary?: { coordinates: Array<Array<[number, number]>> }
}) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<LeafletMap | null>(null)
  const layer = useRef<LayerGroup | null>(null)
  const pickRef = useRef(onPick)
  const [tilesFailed, setTilesFailed] = useState(false)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    pickRef.current = onPick
  }, [onPick])

  useEffect(() => {
    let cancelled = false
    void loadLeaflet().then((L) => {
      if (cancelled || !container.current || map.current) return
      const instance = createBaseMap(L, container.current, {
        tileUrl,
        attribution,
        onTilesUnavailable: () => setTilesFailed(true),
        view: { center, zoom },
        options: { keyboard: true },
      })
      instance.on('click', (event) => pickRef.current?.({ lat: event.latlng.lat, lon: event.latlng.lng }))
      const ring = boundary?.coordinates[0]
      if (ring && ring.length > 2) {
        // GeoJSON is [lon, lat]; not interactive, so a tap inside still picks the point.
        L.polygon(
          ring.map(([lon, lat]) => [lat, lon] as [number, number]),
          { color: '#1a1a1a', weight: 3, dashArray: '8 6', fill: false, interactive: false },
        ).addTo(instance)
      }
      layer.current = L.layerGroup().addTo(instance)
      map.current = instance
      setReady(true)
    })
    return () => {
      cancelled = true
      map.current?.remove()
      map.current = null
    }
    // The map is built once; markers and the picked point are redrawn below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!ready) return
    void loadLeaflet().then((L) => {
      const group = layer.current
      if (!group) return
      group.clearLayers()
      for (const m of markers) {
        const marker = L.circleMarker([m.lat, m.lon], { radius: 9, color: '#003d7a', weight: 3, fillColor: '#0066cc', fillOpacity: 0.8 })
        marker.bindTooltip(m.label)
        if (m.href) marker.on('click', () => window.location.assign(m.href!))
        marker.addTo(group)
      }
      if (picked) {
        L.circleMarker([picked.lat, picked.lon], { radius: 12, color: '#a3001b', weight: 4, fillColor: '#d9364f', fillOpacity: 0.9 })
          .bindTooltip(labels.pickedPoint ?? '')
          .addTo(group)
        map.current?.panTo([picked.lat, picked.lon])
      }
    })
  }, [ready, markers, picked, labels.pickedPoint])

  return (
    <div>
      <div ref={container} role="region" aria-label={labels.region} className={`w-full rounded-md border-2 border-line ${className}`} />
      {tilesFailed ? (
        <p role="status" className="mt-2 rounded-md border-l-4 border-line bg-surface p-3">
          {labels.tilesUnavailable}
        </p>
      ) : null}
    </div>
  )
}
