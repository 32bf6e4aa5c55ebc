/**
 * The push message contract between the notification pipeline (lib/notify, server) and the
 * service worker (app/sw.ts, browser). Pure functions: the worker imports them, and so may
 * the server to check what it sends.
 */

/** What the server encrypts into every push message, as JSON (keep it well under 3 KB). */
export type PushPayload = {
  /** The notification's id: also the notification tag, so a message delivered twice shows once. */
  id: string
  title: string
  body: string
  /** Where a tap leads: a path on this site ("/notifiche/…"); anything else opens the home. */
  url: string
  /** Replaces an earlier notification with the same tag (e.g. an alert and its update). */
  tag?: string
  /** What it is about ("news", "alert", "report"…), passed on to open pages. */
  kind?: string
  /** Web Push urgency the server used; "high" keeps the notification until the citizen acts. */
  urgency?: 'very-low' | 'low' | 'normal' | 'high'
  /** Set by the server when it differs from the urgency (a yellow alert: delivered at once, not kept on screen). */
  requireInteraction?: boolean
}

/** Shown when a push arrives with no readable payload: a push must always show something. */
export const FALLBACK_NOTIFICATION = {
  title: 'Filo',
  body: 'Hai un nuovo messaggio dal Comune. Apri l’app per leggerlo.',
  url: '/',
} as const

const URGENCIES = new Set(['very-low', 'low', 'normal', 'high'])
const MAX_TITLE = 200
const MAX_BODY = 1000

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed.slice(0, max)
}

/**
 * Reads a push message's text into a PushPayload, tolerating missing or malformed fields
 * (each gets a safe default). `id` is '' when the message carried none.
 */
export function parsePushPayload(raw: string | null | undefined): PushPayload {
  let data: unknown = null
  if (raw) {
    try {
      data = JSON.parse(raw)
    } catch {
      // Not JSON: a plain text message becomes the body.
      return { id: '', title: FALLBACK_NOTIFICATION.title, body: raw.slice(0, MAX_BODY), url: '/' }
    }
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
  const id =
    typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id).trim() : ''
  const title = text(record.title, MAX_TITLE)
  const body = text(record.body, MAX_BODY)
  const payload: PushPayload = {
    id,
    title: title ?? FALLBACK_NOTIFICATION.title,
    body: body ?? (title ? '' : FALLBACK_NOTIFICATION.body),
    url: safeNotificationPath(record.url),
  }
  const tag = text(record.tag, 64)
  if (tag) payload.tag = tag
  const kind = text(record.kind, 40)
  if (kind) payload.kind = kind
  if (typeof record.urgency === 'string' && URGENCIES.has(record.urgency)) {
    payload.urgency = record.urgency as NonNullable<PushPayload['urgency']>
  }
  if (typeof record.requireInteraction === 'boolean') payload.requireInteraction = record.requireInteraction
  return payload
}

/**
 * A same-origin path to open from a notification: only "/…" paths (not "//host" nor
 * "/\host", which browsers read as another site); anything else becomes "/".
 */
export function safeNotificationPath(url: unknown): string {
  if (typeof url !== 'string') return '/'
  const value = url.trim()
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  // Control characters and backslashes have no place in our paths.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/'
  try {
    const base = 'https://filo.invalid'
    const resolved = new URL(value, base)
    if (resolved.origin !== base) return '/'
    return `${resolved.pathname}${resolved.search}${resolved.hash}`
  } catch {
    return '/'
  }
}
