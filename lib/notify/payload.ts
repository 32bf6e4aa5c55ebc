import { createHash } from 'node:crypto'
import type { PushPayload, Urgency } from './schemas'

export const MAX_PAYLOAD_BYTES = 3000

/**
 * The JSON the service worker shows. The body is shortened (on a character boundary)
 * until the whole payload fits, so a long text never makes a push fail. The tag is the
 * notification id unless the sender chose one (details.tag): an alert's update or end
 * carries its alert's tag, so it replaces the earlier notification on the phone.
 */
export function buildPayload(n: {
  id: string
  title: string
  body: string
  url: string
  kind: string
  urgency: Urgency
  tag?: string | null
  details?: Record<string, unknown> | null
}): string {
  const payload: PushPayload = {
    id: n.id,
    title: n.title.slice(0, 120),
    body: n.body,
    url: n.url.startsWith('/') ? n.url : '/',
    tag: n.tag ?? (typeof n.details?.tag === 'string' && n.details.tag !== '' ? n.details.tag : n.id),
    kind: n.kind,
    urgency: n.urgency,
  }
  // Urgency is how fast the push service delivers; staying on screen is a separate choice
  // (every alert is urgent to deliver, only orange and red ones wait for the citizen).
  if (typeof n.details?.requireInteraction === 'boolean') payload.requireInteraction = n.details.requireInteraction
  let json = JSON.stringify(payload)
  let chars = [...payload.body]
  while (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES && chars.length > 0) {
    chars = chars.slice(0, Math.max(0, chars.length - Math.ceil((Buffer.byteLength(json) - MAX_PAYLOAD_BYTES) / 3) - 1))
    payload.body = `${chars.join('').trimEnd()}…`
    json = JSON.stringify(payload)
  }
  return json
}

/** An RFC 8030 Topic (≤ 32 base64url characters) naming what a message is about. */
export function pushTopicFor(sourceType: string, sourceId: string): string {
  return createHash('sha256').update(`${sourceType}:${sourceId}`).digest('base64url').slice(0, 32)
}
