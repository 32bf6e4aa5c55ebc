import 'server-only'
import { and, asc, ilike } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { streets } from '@/db/schema/reports'
import { distanceMeters } from './geo-shared'

export type GeocodeResult = { label: string; lat: number; lon: number }

/**
 * Finds places by address. The Comune's own street directory is the only source reachable
 * everywhere; a real geocoder (Nominatim, the regional address register) implements this
 * same interface and can be put in front of it.
 */
export interface Geocoder {
  search(db: DbOrTx, query: string, limit: number): Promise<GeocodeResult[]>
}

/** Lower-case, without accents and punctuation: "Via G. Verdi" and "via g verdi" match. */
export function normalizeAddress(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export const streetDirectoryGeocoder: Geocoder = {
  async search(db, query, limit) {
    const normalized = normalizeAddress(query)
    if (normalized.length < 2) return []
    // "via roma 12" → street "via roma", number "12" (the number is matched when we know it).
    const match = /^(.*?)(?:\s+(\d+[a-z]?))?$/.exec(normalized)
    const street = match?.[1] ?? normalized
    const number = match?.[2] ?? ''
    const words = street.split(' ').filter(Boolean)
    if (!words.length) return []
    const rows = await db
      .select({ name: streets.name, houseNumber: streets.houseNumber, lat: streets.latitude, lon: streets.longitude, searchName: streets.searchName })
      .from(streets)
      .where(and(...words.map((w) => ilike(streets.searchName, `%${w}%`))))
      .orderBy(asc(streets.searchName), asc(streets.houseNumber))
      .limit(200)
    const scored = rows
      .map((r) => ({
        r,
        score: (r.searchName.startsWith(street) ? 0 : 1) + (number && r.houseNumber === number ? -2 : r.houseNumber === '' ? 0 : 1),
      }))
      .sort((a, b) => a.score - b.score)
    const seen = new Set<string>()
    const results: GeocodeResult[] = []
    for (const { r } of scored) {
      const label = r.houseNumber ? `${r.name} ${r.houseNumber}` : number ? `${r.name} ${number}` : r.name
      if (seen.has(label)) continue
      seen.add(label)
      results.push({ label, lat: r.lat, lon: r.lon })
      if (results.length >= limit) break
    }
    return results
  },
}

export function getGeocoder(): Geocoder {
  return streetDirectoryGeocoder
}

/** The first place an address gives, or null. */
export async function geocodeAddress(db: DbOrTx, address: string): Promise<GeocodeResult | null> {
  const [first] = await getGeocoder().search(db, address, 1)
  return first ?? null
}

/** Address suggestions for the citizen's search box. */
export async function searchAddress(query: string): Promise<GeocodeResult[]> {
  const { getDb } = await import('../db')
  return getGeocoder().search(await getDb(), query.slice(0, 100), 6)
}

/** The street nearest to a GPS or map point, to show the citizen where they are ("Via Roma"). */
export async function nearestStreet(point: { lat: number; lon: number }): Promise<GeocodeResult | null> {
  const { getDb } = await import('../db')
  const db = await getDb()
  const rows = await db.select({ name: streets.name, houseNumber: streets.houseNumber, lat: streets.latitude, lon: streets.longitude }).from(streets).limit(5000)
  let best: GeocodeResult | null = null
  let bestDistance = Infinity
  for (const r of rows) {
    const d = distanceMeters(point, r)
    if (d < bestDistance) {
      bestDistance = d
      best = { label: r.houseNumber ? `${r.name} ${r.houseNumber}` : r.name, lat: r.lat, lon: r.lon }
    }
  }
  // Farther than 300 m the nearest street says little about the place.
  return bestDistance <= 300 ? best : null
}
