/** Distances and containment on WGS84 points. Pure: used by the map in the browser too. */
import { pointInRing, type Ring } from '../alerts/geometry-shared'

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine): plenty for a few hundred metres. */
export function distanceMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A latitude/longitude box containing every point within `meters` of the centre (for an indexed pre-filter). */
export function boundingBox(center: { lat: number; lon: number }, meters: number) {
  const dLat = meters / 111_320
  const dLon = meters / (111_320 * Math.max(0.01, Math.cos((center.lat * Math.PI) / 180)))
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLon: center.lon - dLon, maxLon: center.lon + dLon }
}

/** True when the point lies in the polygon's outer ring ([lon, lat] pairs). */
export function pointInPolygon(point: { lat: number; lon: number }, polygon: { coordinates: Array<Array<[number, number]>> }): boolean {
  const ring = polygon.coordinates[0]
  return Boolean(ring && ring.length >= 4 && pointInRing([point.lon, point.lat], ring as Ring))
}

/** Middle of a polygon's bounding box: where a map opens. */
export function polygonCenter(polygon: { coordinates: Array<Array<[number, number]>> }): { lat: number; lon: number } {
  const ring = polygon.coordinates[0] ?? []
  const lons = ring.map((p) => p[0])
  const lats = ring.map((p) => p[1])
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 }
}
