import type { Map as LeafletMap, MapOptions } from 'leaflet'

export type Leaflet = typeof import('leaflet')

/** Leaflet touches `window` when it loads: both map wrappers load it once they are on the page. */
export function loadLeaflet(): Promise<Leaflet> {
  return import('leaflet')
}

/**
 * The set-up every Filo map shares: the Leaflet map in its element; the tile layer when a tile
 * URL is configured, with `onTilesUnavailable` called when there is none or a tile fails (the
 * page then says how to do without the map); and either the Comune's boundary, drawn and fitted
 * (it shows where the Comune is even with no tiles), or a centre and zoom.
 */
export function createBaseMap(
  L: Leaflet,
  element: HTMLElement,
  {
    tileUrl,
    attribution = '&copy; OpenStreetMap',
    onTilesUnavailable,
    boundary,
    view,
    options,
  }: {
    /** Tile URL template ({z}/{x}/{y}); empty for a blank map. */
    tileUrl: string
    attribution?: string
    onTilesUnavailable?: () => void
    /** The Comune's boundary, [lon, lat] closed ring. */
    boundary?: Array<[number, number]>
    view?: { center: { lat: number; lon: number }; zoom: number }
    options?: MapOptions
  },
): LeafletMap {
  const map = L.map(element, { ...options, ...(view ? { center: [view.center.lat, view.center.lon], zoom: view.zoom } : {}) })
  // Leaflet's own credit link is coloured only (WCAG 1.4.1); the tile credit stays.
  map.attributionControl?.setPrefix(false)
  if (tileUrl) {
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19, attribution })
    if (onTilesUnavailable) tiles.on('tileerror', onTilesUnavailable)
    tiles.addTo(map)
  } else {
    onTilesUnavailable?.()
  }
  if (boundary) {
    const outline = L.polygon(
      boundary.map(([lon, lat]) => [lat, lon] as [number, number]),
      { color: '#1a1a1a', weight: 2, dashArray: '6 4', fill: true, fillColor: '#ffffff', fillOpacity: 0.6, interactive: false },
    ).addTo(map)
    map.fitBounds(outline.getBounds(), { padding: [12, 12] })
  }
  return map
}
