'use client'

import { useState } from 'react'
import { ReportMap, type MapMarker, type MapPoint } from './report-map'

/** The public map, opened on request: the list beside it carries the same reports for everyone. */
export function ToggleReportsMap({
  markers,
  center,
  tileUrl,
  attribution,
  labels,
  boundary,
}: {
  markers: MapMarker[]
  center: MapPoint
  tileUrl: string
  attribution: string
  labels: { show: string; hide: string; region: string; tilesUnavailable: string }
  boundary?: { coordinates: Array<Array<[number, number]>> }
}) {
  const [open, setOpen] = useState(false)
  if (!tileUrl) return null
  return (
    <div className="mb-6">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-12 items-center rounded-md border-2 border-primary bg-white px-5 font-semibold text-primary hover:bg-primary-light"
      >
        {open ? labels.hide : labels.show}
      </button>
      {open ? (
        <div className="mt-3">
          <ReportMap center={center} zoom={13} tileUrl={tileUrl} attribution={attribution} markers={markers} boundary={boundary} labels={{ region: labels.region, tilesUnavailable: labels.tilesUnavailable }} className="h-96" />
        </div>
      ) : null}
    </div>
  )
}
