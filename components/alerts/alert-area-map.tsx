import type { Ring } from '@/lib/alerts/geometry-shared'

/**
 * The Comune's outline with the alert's drawn area filled in: drawn on the server as SVG, so
 * it shows offline and without map tiles (the saved alert page is all a citizen may have).
 */
export function AlertAreaMap({ boundary, area, label }: { boundary: Ring; area: Ring; label: string }) {
  const all = [...boundary, ...area]
  if (all.length === 0) return null
  const lons = all.map((p) => p[0])
  const lats = all.map((p) => p[1])
  const minLon = Math.min(...lons)
  const maxLat = Math.max(...lats)
  const midLat = (Math.min(...lats) + maxLat) / 2
  // Equirectangular: a degree of longitude is shorter than one of latitude by cos(latitude).
  const kx = Math.cos((midLat * Math.PI) / 180)
  const width = Math.max((Math.max(...lons) - minLon) * kx, 1e-9)
  const height = Math.max(maxLat - Math.min(...lats), 1e-9)
  const scale = 1000 / Math.max(width, height)
  const pad = 20
  const w = width * scale + 2 * pad
  const h = height * scale + 2 * pad
  const path = (ring: Ring) =>
    ring.map(([lon, lat], i) => `${i === 0 ? 'M' : 'L'}${((lon - minLon) * kx * scale + pad).toFixed(1)} ${((maxLat - lat) * scale + pad).toFixed(1)}`).join(' ') + ' Z'
  return (
    <svg viewBox={`0 0 ${w.toFixed(0)} ${h.toFixed(0)}`} role="img" aria-label={label} className="mb-3 h-auto max-h-80 w-full max-w-md rounded-md border-2 border-muted bg-surface">
      <path d={path(boundary)} fill="white" stroke="currentColor" strokeWidth={4} className="text-ink" />
      <path d={path(area)} fill="currentColor" fillOpacity={0.35} stroke="currentColor" strokeWidth={6} className="text-danger" />
    </svg>
  )
}
