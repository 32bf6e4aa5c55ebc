import { Open311Error } from './respond'

/** Request parameters by name; a repeated name (media_url, attribute[x][]) keeps every value. */
export type Open311Params = Record<string, string | string[]>

/** Far above what a valid request needs (description ≤ 4,000 characters, a few attributes). */
export const MAX_BODY_BYTES = 64 * 1024

const tooLarge = () =>
  new Open311Error(400, [{ code: 400, description: `Richiesta troppo grande (al massimo ${MAX_BODY_BYTES / 1024} KB): description può avere al massimo 4000 caratteri.` }])

function add(params: Open311Params, name: string, value: string) {
  const key = name.endsWith('[]') ? name.slice(0, -2) : name
  const previous = params[key]
  if (previous === undefined) params[key] = name.endsWith('[]') ? [value] : value
  else params[key] = [...(Array.isArray(previous) ? previous : [previous]), value]
}

export function paramsFromSearch(search: URLSearchParams): Open311Params {
  const params: Open311Params = {}
  for (const [name, value] of search) add(params, name, value)
  return params
}

/** The first value of a parameter, trimmed; '' counts as absent ("same whether empty or not passed"). */
export function one(params: Open311Params, name: string): string | undefined {
  const raw = params[name]
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim()
  return value ? value : undefined
}

export function many(params: Open311Params, name: string): string[] {
  const raw = params[name]
  return (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean)
}

async function readBounded(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    throw new Open311Error(400, [{ code: 400, description: 'La richiesta deve essere in UTF-8.' }])
  }
}

/**
 * A POST's parameters: the query string plus a form-urlencoded body (the spec's format) or,
 * as a convenience, a flat JSON object (`attribute` may be an object of code → value).
 */
export async function readPostParams(request: Request): Promise<Open311Params> {
  const params = paramsFromSearch(new URL(request.url).searchParams)
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const body = await readBounded(request)
  if (type === 'application/json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      throw new Open311Error(400, [{ code: 400, description: 'JSON non valido.' }])
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Open311Error(400, [{ code: 400, description: 'Il corpo JSON deve essere un oggetto.' }])
    }
    for (const [name, value] of Object.entries(parsed)) {
      if (name === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value)) {
          for (const item of Array.isArray(v) ? v : [v]) add(params, `attribute[${code}][]`, scalar(item))
        }
      } else if (Array.isArray(value)) for (const item of value) add(params, `${name}[]`, scalar(item))
      else add(params, name, scalar(value))
    }
    return params
  }
  if (type === 'application/x-www-form-urlencoded' || (type === '' && body === '')) {
    for (const [name, value] of new URLSearchParams(body)) add(params, name, value)
    return params
  }
  throw new Open311Error(400, [{ code: 400, description: 'Content-Type non supportato: usa application/x-www-form-urlencoded (o application/json).' }])
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** attribute[code]=v and attribute[code][]=v1&attribute[code][]=v2, by code. */
export function attributesOf(params: Open311Params): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, raw] of Object.entries(params)) {
    const match = /^attribute\[([^\]]{1,60})\]$/.exec(name)
    if (!match) continue
    out[match[1]!] = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean)
  }
  return out
}
