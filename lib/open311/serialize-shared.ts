/**
 * Open311 documents, written once and rendered as XML or as JSON by the "Spark convention":
 * the XML root wrapper is dropped in JSON and every group tag (services/service,
 * errors/error…) becomes an array. Pure: no I/O.
 */

export type Open311Format = 'xml' | 'json'

export type Open311Value = string | number | boolean | null | Open311List | { [key: string]: Open311Value }
/** A group of repeated elements: `<attributes><attribute/>…</attributes>` in XML, an array in JSON. */
export type Open311List = { readonly itemTag: string; readonly items: readonly Open311Value[] }

export function list(itemTag: string, items: readonly Open311Value[]): Open311List {
  return { itemTag, items }
}

function isList(value: Open311Value): value is Open311List {
  return typeof value === 'object' && value !== null && 'itemTag' in value && 'items' in value && Array.isArray((value as Open311List).items)
}

/** XML 1.0 cannot carry most control characters at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function xmlElement(tag: string, value: Open311Value): string {
  if (value === null) return `<${tag}></${tag}>`
  if (isList(value)) return `<${tag}>${value.items.map((item) => xmlElement(value.itemTag, item)).join('')}</${tag}>`
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value)
      .map(([key, child]) => xmlElement(key, child))
      .join('')}</${tag}>`
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`
}

export function toXml(rootTag: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement(rootTag, value)}\n`
}

export function toJsonValue(value: Open311Value): unknown {
  if (value === null || typeof value !== 'object') return value
  if (isList(value)) return value.items.map(toJsonValue)
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJsonValue(child)]))
}

export function render(format: Open311Format, rootTag: string, value: Open311Value): string {
  return format === 'xml' ? toXml(rootTag, value) : JSON.stringify(toJsonValue(value))
}

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

/** "requests.json" → { name: "requests", format: "json" }; null for any other suffix. */
export function parseResourceFile(file: string): { name: string; format: Open311Format } | null {
  const decoded = safeDecode(file)
  const dot = decoded.lastIndexOf('.')
  if (dot <= 0) return null
  const ext = decoded.slice(dot + 1).toLowerCase()
  if (ext !== 'xml' && ext !== 'json') return null
  return { name: decoded.slice(0, dot), format: ext }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** W3C-DTF with a time zone and no fractional seconds, as open311-adapter checks it. */
export function w3cDate(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
