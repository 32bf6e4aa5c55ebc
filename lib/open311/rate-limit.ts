import { getEnv } from '../env'
import { Open311Error } from './respond'

type Window = { start: number; count: number }
const WINDOW_MS = 60_000

// One map per process (Next bundles routes separately: keep it on globalThis).
const store = globalThis as typeof globalThis & { __filoOpen311Rate?: Map<string, Window> }

function windows(): Map<string, Window> {
  store.__filoOpen311Rate ??= new Map()
  return store.__filoOpen311Rate
}

/**
 * Fixed one-minute windows per key ("ip:…", "client:…"): past the limit the client gets 429
 * with Retry-After. Kept in memory: each process counts its own share.
 */
export function takeOpen311Post(keys: string[], now = Date.now(), limit = getEnv().FILO_OPEN311_POSTS_PER_MINUTE): void {
  const map = windows()
  if (map.size > 10_000) for (const [k, w] of map) if (now - w.start >= WINDOW_MS) map.delete(k)
  for (const key of keys) {
    let w = map.get(key)
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 }
      map.set(key, w)
    }
    if (w.count >= limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))
      throw new Open311Error(429, [{ code: 429, description: `Troppe richieste: riprova tra ${retryAfter} secondi.` }], { 'Retry-After': String(retryAfter) })
    }
  }
  for (const key of keys) windows().get(key)!.count++
}

/** For tests: forget every count. */
export function resetOpen311RateLimits(): void {
  windows().clear()
}
