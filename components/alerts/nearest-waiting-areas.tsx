'use client'

import { useState } from 'react'
import { distanceMeters } from '@/lib/alerts/geometry-shared'

type Area = { id: number; name: string; address: string; latitude: number; longitude: number }

export type NearestTexts = { button: string; locating: string; denied: string; sorted: string; away: string; directions: string }

/**
 * The waiting areas, and on request the nearest first with their distance: the position
 * is read once in the browser and never sent anywhere.
 */
export function NearestWaitingAreas({ areas, texts }: { areas: Area[]; texts: NearestTexts }) {
  const [here, setHere] = useState<{ latitude: number; longitude: number } | null>(null)
  const [status, setStatus] = useState('')
  const list = here
    ? areas.map((a) => ({ ...a, distance: distanceMeters(here, a) })).sort((x, y) => x.distance - y.distance)
    : areas.map((a) => ({ ...a, distance: null as number | null }))

  function locate() {
    if (!('geolocation' in navigator)) {
      setStatus(texts.denied)
      return
    }
    setStatus(texts.locating)
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setHere({ latitude: position.coords.latitude, longitude: position.coords.longitude })
        setStatus(texts.sorted)
      },
      () => setStatus(texts.denied),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    )
  }

  const format = (m: number) => (m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1).replace('.', ',')} km`)
  return (
    <>
      <button type="button" onClick={locate} className="mb-2 inline-flex min-h-11 items-center rounded-md border-2 border-primary bg-white px-4 font-semibold text-primary">
        {texts.button}
      </button>
      <p aria-live="polite" className="mb-2">
        {status}
      </p>
      <ul className="grid gap-2">
        {list.map((a) => (
          <li key={a.id} className="rounded-md border-2 border-line p-3">
            <span className="block text-lg font-semibold">{a.name}</span>
            <span className="block">
              {a.address}
              {a.distance !== null ? ` · ${texts.away.replace('{distance}', format(a.distance))}` : ''}
            </span>
            <a
              href={`https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=18/${a.latitude}/${a.longitude}`}
              className="inline-flex min-h-11 items-center text-primary underline"
              rel="noopener noreferrer"
            >
              {texts.directions}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}
