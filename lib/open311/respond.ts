import { AppError } from '../errors'
import { getLogger } from '../log'
import { CONTENT_TYPES, list, render, type Open311Format, type Open311Value } from './serialize-shared'

export type Open311ErrorItem = { code: number; description: string }

/**
 * An error in GeoReport v2 shape. The spec's HTTP statuses: 404 for what does not exist,
 * 403 for a wrong or missing api_key, 400 for everything else (429 when a client sends too fast).
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311ErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.description ?? 'Errore')
    this.name = 'Open311Error'
  }
}

const statusOfCode: Record<AppError['code'], number> = {
  invalid_input: 400,
  unauthenticated: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 400,
  throttled: 429,
  unavailable: 400,
}

/** Filo's field names (as submitReport reports them) in the Open311 parameters a client sent. */
const paramOfField: Record<string, string> = {
  categoryId: 'service_code',
  latitude: 'lat',
  longitude: 'long',
  address: 'address_string',
  title: 'description',
  description: 'description',
  contactName: 'first_name',
  contactEmail: 'email',
  contactPhone: 'phone',
}

function paramName(field: string): string {
  if (field.startsWith('answers.')) return `attribute[${field.slice('answers.'.length)}]`
  return paramOfField[field] ?? field
}

export function toOpen311Error(error: unknown): Open311Error {
  if (error instanceof Open311Error) return error
  if (error instanceof AppError) {
    const status = statusOfCode[error.code]
    const fieldErrors = Object.entries(error.fieldErrors ?? {})
    const errors: Open311ErrorItem[] =
      fieldErrors.length > 1
        ? fieldErrors.map(([field, message]) => ({ code: status, description: `${paramName(field)}: ${message}` }))
        : [{ code: status, description: error.message }]
    return new Open311Error(status, dedupe(errors))
  }
  getLogger().error({ err: error }, 'open311 request failed')
  return new Open311Error(500, [{ code: 500, description: 'Errore interno del servizio: riprova tra qualche minuto.' }])
}

function dedupe(errors: Open311ErrorItem[]): Open311ErrorItem[] {
  const seen = new Set<string>()
  return errors.filter((e) => !seen.has(e.description) && seen.add(e.description))
}

export function open311Response(format: Open311Format, rootTag: string, value: Open311Value, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(render(format, rootTag, value), {
    status,
    headers: { 'Content-Type': CONTENT_TYPES[format], 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
  })
}

export function open311ErrorResponse(format: Open311Format, error: unknown): Response {
  const failure = toOpen311Error(error)
  return open311Response(
    format,
    'errors',
    list(
      'error',
      failure.errors.map((e) => ({ code: e.code, description: e.description })),
    ),
    failure.status,
    failure.headers,
  )
}

/** A path that names no Open311 resource (or a format we do not serve): 404 in XML, the required format. */
export function notFoundResponse(format: Open311Format = 'xml'): Response {
  return open311ErrorResponse(format, new Open311Error(404, [{ code: 404, description: 'Risorsa non trovata.' }]))
}

/** Runs one Open311 call: its document on success, the spec's error shape on any failure. */
export async function answerOpen311(format: Open311Format, rootTag: string, run: () => Promise<Open311Value> | Open311Value): Promise<Response> {
  try {
    return open311Response(format, rootTag, await run())
  } catch (error) {
    return open311ErrorResponse(format, error)
  }
}
