import 'server-only'
import type { Database } from '@/db/client'
import { getDatabase } from '../db'
import { getLogger } from '../log'
import type { RealtimeEvent } from './events-shared'
import { NOTIFY_CHANNEL } from './publish'

/** An event as announced by Postgres; `partial` ones (too big to notify) are read from the table. */
export type IncomingEvent = RealtimeEvent & { partial?: boolean }

export type HubListener = {
  onEvent(event: IncomingEvent): void
  /** The LISTEN connection was re-established: notifications may have been missed. */
  onResync(): void
}

/**
 * One LISTEN connection per server process, fanning events out in memory to every open
 * stream of that process. Works on PGlite (in-process listen) and on PostgreSQL (postgres.js
 * keeps a dedicated connection and re-listens after a drop; every stream then re-reads what
 * it may have missed from the database).
 */
export class RealtimeHub {
  private readonly listeners = new Map<string, Set<HubListener>>()
  private stopListening: (() => Promise<void>) | null = null
  private started: Promise<void> | null = null

  constructor(readonly database: Database) {}

  start(): Promise<void> {
    this.started ??= this.listen()
    return this.started
  }

  private async listen(): Promise<void> {
    const onPayload = (payload: string) => this.dispatch(payload)
    if (this.database.mode === 'pglite') {
      const unlisten = await this.database.pglite.listen(NOTIFY_CHANNEL, onPayload)
      this.stopListening = () => unlisten()
      return
    }
    let first = true
    const { unlisten } = await this.database.sql.listen(NOTIFY_CHANNEL, onPayload, () => {
      if (first) {
        first = false
        return
      }
      getLogger().warn('realtime LISTEN connection re-established; streams re-read from the database')
      for (const set of this.listeners.values()) for (const listener of set) listener.onResync()
    })
    this.stopListening = unlisten
  }

  private dispatch(payload: string): void {
    let parsed: { c?: unknown; s?: unknown; t?: unknown; d?: unknown }
    try {
      parsed = JSON.parse(payload) as typeof parsed
    } catch {
      return
    }
    if (typeof parsed.c !== 'string') return
    const set = this.listeners.get(parsed.c)
    if (!set || set.size === 0) return
    const event: IncomingEvent = {
      channel: parsed.c,
      seq: typeof parsed.s === 'number' ? parsed.s : undefined,
      type: typeof parsed.t === 'string' ? parsed.t : '',
      data: (parsed.d && typeof parsed.d === 'object' ? parsed.d : {}) as RealtimeEvent['data'],
      partial: typeof parsed.t !== 'string',
    }
    for (const listener of set) {
      try {
        listener.onEvent(event)
      } catch (error) {
        getLogger().error({ err: error }, 'realtime listener failed')
      }
    }
  }

  subscribe(channels: readonly string[], listener: HubListener): () => void {
    for (const channel of channels) {
      let set = this.listeners.get(channel)
      if (!set) this.listeners.set(channel, (set = new Set()))
      set.add(listener)
    }
    return () => {
      for (const channel of channels) {
        const set = this.listeners.get(channel)
        set?.delete(listener)
        if (set?.size === 0) this.listeners.delete(channel)
      }
    }
  }

  /** Open listeners, for health and benchmarks. */
  get size(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }

  async stop(): Promise<void> {
    await this.started?.catch(() => {})
    await this.stopListening?.().catch(() => {})
    this.listeners.clear()
  }
}

const key = Symbol.for('filo.realtime.hub')
type Holder = { [key]?: { database: Database; hub: RealtimeHub } }

/** The process's hub, listening on the process's database. */
export async function getHub(): Promise<RealtimeHub> {
  const database = await getDatabase()
  const holder = globalThis as Holder
  const current = holder[key]
  if (current && current.database === database) {
    await current.hub.start()
    return current.hub
  }
  // Tests swap the database between files: the old hub goes with the old database.
  if (current) void current.hub.stop()
  const hub = new RealtimeHub(database)
  holder[key] = { database, hub }
  try {
    await hub.start()
  } catch (error) {
    if (holder[key]?.hub === hub) delete holder[key]
    throw error
  }
  return hub
}
