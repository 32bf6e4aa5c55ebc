'use client'

import { useState, useSyncExternalStore } from 'react'
import { distanceMeters } from '@/lib/alerts/geometry-shared'

type Area = { id: number; name: string; address: string; latitude: number; longitude: number; zone?: string | null; notes?: string }

export type NearestTexts = { button: string; locating: string; denied: string; sorted: string; away: string; directions: string; zone?: string }

type Platform = 'android' | 'apple' | 'web'

function detectPlatform(): Platform {
  const ua = navigator.userAgent
  if (/Android/i.test(ua)) return 'android'
  // iPadOS reports itself as a Mac; a touch screen tells them apart.
  if (/iPhone|iPad|iPod/i.test(ua) || (/Macintosh/i.test(ua) && navigator.maxTouchPoints > 1)) return 'apple'
  return 'web'
}

const noSubscription = () => () => {}

/**
 * Where "Apri sulla mappa" leads: the phone's own map app (a geo: link on Android, Apple Maps
 * on iPhone) so directions are one tap away, and OpenStreetMap in the browser elsewhere and
 * before the page has loaded its script.
 */
export function mapAppHref(area: { name: string; latitude: number; longitude: number }, platform: Platform): string {
  const { latitude: lat, longitude: lon } = area
  if (platform === 'android') return `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(area.name)})`
  if (platform === 'apple') return `https://maps.apple.com/?ll=${lat},${lon}&q=${encodeURIComponent(area.name)}`
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`
}

/**
 * The waiting areas, and on request the nearest first with their distance: the position
 * is read once in the browser and never sent anywhere.
 */
export function NearestWaitingAreas({ areas, texts }: { areas: Area[]; texts: NearestTexts }) {
  const [here, setHere] = useState<{ latitude: number; longitude: number } | null>(null)
  const [status, setStatus] = useState('')
  const platform = useSyncExternalStore(noSubscription, detectPlatform, () => 'web' as const)
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
            {a.zone && texts.zone ? <span className="block text-muted">{texts.zone.replace('{zone}', a.zone)}</span> : null}
            {a.notes ? <span className="block whitespace-pre-line">{a.notes}</span> : null}
            <a
              href={mapAppHref(a, platform)}
              aria-label={`${texts.directions}: ${a.name}`}
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
