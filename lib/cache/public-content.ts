/**
 * What every anonymous visitor sees (the citizen home, the CAP feed) is rendered once and
 * kept in memory for a few seconds instead of once per request. Two things end a copy:
 *
 * - its age: FILO_PAGE_CACHE_SECONDS (default 2), which bounds how stale another
 *   process's copy can be (several web processes each keep their own);
 * - a change in this process: `publicContentChanged()` (called when an alert is
 *   published or ended) bumps a generation number, and copies of an older generation are
 *   never served again — the next request waits for a fresh one.
 *
 * Kept on globalThis: Next bundles the proxy, the pages and the route handlers apart, and
 * they must share one generation and one set of copies per process.
 */

type Entry<T> = { value: T; at: number; generation: number }
type Store = {
  generation: number
  entries: Map<string, Entry<unknown>>
  /** Renders in flight, so a burst of requests triggers one render, not hundreds. */
  pending: Map<string, Promise<unknown>>
}

const key = Symbol.for('filo.public-content-cache')
function store(): Store {
  const holder = globalThis as { [key]?: Store }
  holder[key] ??= { generation: 0, entries: new Map(), pending: new Map() }
  return holder[key]
}

/** Something citizens see changed here (an alert was published or ended): drop every copy. */
export function publicContentChanged(): void {
  const s = store()
  s.generation++
  s.entries.clear()
}

export function publicContentGeneration(): number {
  return store().generation
}

/**
 * The cached value for `name`, or a fresh one from `load` when there is none, when it is
 * older than `ttlMs` or from before the last change. A copy past its age (but of the
 * current generation) is still served while one refresh runs in the background, for at
 * most `maxStaleMs`; `load` returning undefined means "do not cache" (e.g. an error page).
 */
export async function cachedPublic<T>(
  name: string,
  ttlMs: number,
  load: () => Promise<T | undefined>,
  options: { maxStaleMs?: number; now?: () => number } = {},
): Promise<{ value: T | undefined; hit: boolean; at: number }> {
  const s = store()
  const now = options.now ?? Date.now
  const maxStaleMs = options.maxStaleMs ?? 3_000
  const entry = s.entries.get(name) as Entry<T> | undefined
  const age = entry ? now() - entry.at : Infinity
  if (entry && entry.generation === s.generation && age < ttlMs) return { value: entry.value, hit: true, at: entry.at }

  const refresh = (): Promise<T | undefined> => {
    const running = s.pending.get(name) as Promise<T | undefined> | undefined
    if (running) return running
    const generation = s.generation
    const started = now()
    const p = load()
      .then((value) => {
        // A change that happened while rendering makes this copy stale already.
        if (value !== undefined && generation === s.generation) s.entries.set(name, { value, at: started, generation })
        return value
      })
      .finally(() => s.pending.delete(name))
    s.pending.set(name, p)
    return p
  }

  if (entry && entry.generation === s.generation && age < ttlMs + maxStaleMs) {
    void refresh().catch(() => {})
    return { value: entry.value, hit: true, at: entry.at }
  }
  const value = await refresh()
  return { value, hit: false, at: now() }
}
