/** Plane geometry on [lon, lat] rings: enough precision for a Comune a few km across. */
export type Ring = Array<[number, number]>

function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  const v = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
  return Math.abs(v) < 1e-12 ? 0 : v > 0 ? 1 : 2
}

function onSegment(a: [number, number], b: [number, number], c: [number, number]): boolean {
  return Math.min(a[0], c[0]) <= b[0] && b[0] <= Math.max(a[0], c[0]) && Math.min(a[1], c[1]) <= b[1] && b[1] <= Math.max(a[1], c[1])
}

export function segmentsIntersect(p1: [number, number], q1: [number, number], p2: [number, number], q2: [number, number]): boolean {
  const o1 = orientation(p1, q1, p2)
  const o2 = orientation(p1, q1, q2)
  const o3 = orientation(p2, q2, p1)
  const o4 = orientation(p2, q2, q1)
  if (o1 !== o2 && o3 !== o4) return true
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, q2, q1)) || (o3 === 0 && onSegment(p2, p1, q2)) || (o4 === 0 && onSegment(p2, q1, q2))
}

/** A closed ring (first point repeated last) with at least three distinct corners. */
export function isClosedRing(ring: Ring): boolean {
  if (ring.length < 4) return false
  const first = ring[0]!
  const last = ring[ring.length - 1]!
  return first[0] === last[0] && first[1] === last[1] && new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3
}

/** True when no two non-adjacent edges of the ring cross or touch. */
export function isSimpleRing(ring: Ring): boolean {
  const n = ring.length - 1
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return false
    }
  }
  return true
}

export function pointInRing(point: [number, number], ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The inner ring lies wholly inside the outer one: every corner inside, no edges crossing. */
export function ringInsideRing(inner: Ring, outer: Ring): boolean {
  if (!inner.slice(0, -1).every((p) => pointInRing(p, outer))) return false
  for (let i = 0; i < inner.length - 1; i++) {
    for (let j = 0; j < outer.length - 1; j++) {
      if (segmentsIntersect(inner[i]!, inner[i + 1]!, outer[j]!, outer[j + 1]!)) return false
    }
  }
  return true
}

/** The two areas share at least a point: edges cross, or one lies inside the other. */
export function ringsIntersect(a: Ring, b: Ring): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    for (let j = 0; j < b.length - 1; j++) {
      if (segmentsIntersect(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return true
    }
  }
  return (a[0] !== undefined && pointInRing(a[0], b)) || (b[0] !== undefined && pointInRing(b[0], a))
}

/** Why a polygon drawn for the Comune is unusable, in Italian, or null when it is fine. */
export function polygonProblem(ring: Ring, boundary: Ring): string | null {
  if (!ring.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) {
    return 'Il poligono contiene coordinate non valide.'
  }
  if (!isClosedRing(ring)) return 'Il poligono deve avere almeno tre vertici e chiudersi sul primo.'
  if (!isSimpleRing(ring)) return 'Il poligono si interseca con se stesso: ridisegnalo senza lati che si incrociano.'
  if (!ringInsideRing(ring, boundary)) return 'Il poligono esce dal territorio del Comune.'
  return null
}

/** One "lat, lon" pair as typed by a person: "43.4651, 11.8802", "43,4651; 11,8802" or "43.4651 11.8802". */
export function parseLatLon(line: string): [number, number] | null {
  const text = line.trim()
  if (text === '') return null
  let parts: string[]
  if (text.includes(';')) parts = text.split(';')
  else if (/^\S+\s+\S+$/.test(text) && !/,\s/.test(text) && (text.match(/,/g) ?? []).length !== 1) parts = text.split(/\s+/)
  else parts = text.split(/,\s*|\s+/).filter(Boolean)
  // Decimal commas without a semicolon: "43,4651, 11,8802" splits into four pieces.
  if (parts.length === 4) parts = [`${parts[0]}.${parts[1]}`, `${parts[2]}.${parts[3]}`]
  if (parts.length !== 2) return null
  const [lat, lon] = parts.map((p) => Number(p.trim().replace(',', '.')))
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  return [lat, lon]
}

/**
 * The keyboard alternative to drawing: one vertex per line as "latitude, longitude". Returns
 * the closed [lon, lat] ring, or an Italian message naming the line that could not be read.
 */
export function parseVertexList(text: string): { ring: Ring } | { error: string } {
  const lines = text.split(/\r?\n/)
  const points: Array<[number, number]> = []
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const point = parseLatLon(line)
    if (!point) return { error: `Riga ${index + 1}: scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802.` }
    points.push([point[1], point[0]])
  }
  const first = points[0]
  const last = points[points.length - 1]
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push([first[0], first[1]])
  if (points.length < 4) return { error: 'Indica almeno tre vertici.' }
  return { ring: points }
}

/** The text form of a ring: "lat, lon" per vertex, without repeating the first at the end. */
export function formatVertexList(ring: Ring): string {
  const open = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring
  return open.map(([lon, lat]) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`).join('\n')
}

/** Great-circle distance in metres between two lat/lon points (haversine). */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLon = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}
