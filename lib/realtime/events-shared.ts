/**
 * Live events as they travel to browsers: ids and a per-channel sequence, never the row.
 * Browser-safe ("-shared").
 */
export type RealtimeData = Record<string, string | number | boolean | null | string[]>

export type RealtimeEvent = {
  channel: string
  /** Gap-free per channel; absent for ephemeral events (typing), which are never replayed. */
  seq?: number
  type: string
  data: RealtimeData
}

/**
 * A stream's position over its channels, in the order the stream lists them:
 * "12.0.45". It is the SSE event id, so the browser sends it back as Last-Event-ID.
 */
export function formatCursor(seqs: readonly number[]): string {
  return seqs.map((n) => String(n)).join('.')
}

/** Null when the text is not a cursor for that many channels. */
export function parseCursor(text: string | null | undefined, channels: number): number[] | null {
  if (!text) return null
  const parts = text.split('.')
  if (parts.length !== channels) return null
  const seqs = parts.map((p) => (/^\d{1,15}$/.test(p) ? Number(p) : Number.NaN))
  return seqs.some((n) => !Number.isSafeInteger(n)) ? null : seqs
}
