import 'server-only'
import { and, asc, eq, gt } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { realtimeChannels, realtimeEvents } from '@/db/schema/realtime'
import { getLogger } from '../log'
import { formatCursor, type RealtimeEvent } from './events-shared'
import type { IncomingEvent, RealtimeHub } from './hub'

export type ChannelSpec = {
  channel: string
  /** Last sequence the client has; null: from now on. */
  cursor: number | null
  /** Events this reader may not see are skipped (the cursor still moves past them). */
  visible?: (event: RealtimeEvent) => boolean
  /** What this reader gets of a visible event (e.g. only the fields a citizen may see). */
  project?: (event: RealtimeEvent) => RealtimeEvent
}

export type Subscription = { close(): void; readonly ready: Promise<void> }

const BATCH = 500

/**
 * One reader's view of some channels: events in sequence order, each exactly once. Live
 * events come from the hub; whenever one is not the next expected (the reader was catching
 * up, the notification was too big, or the LISTEN connection dropped) the missing ones are
 * read from realtime_events. Every step runs on one promise chain, so nothing interleaves.
 */
export function openSubscription(options: {
  db: Db
  hub: RealtimeHub
  channels: readonly ChannelSpec[]
  /** Called with the event and the stream's cursor after it (the SSE id). */
  send: (event: RealtimeEvent, cursor: string) => void
}): Subscription {
  const { db, hub, channels, send } = options
  const cursors = channels.map(() => 0)
  const indexOf = new Map(channels.map((c, i) => [c.channel, i]))
  let closed = false
  let chain: Promise<void> = Promise.resolve()
  const run = (step: () => Promise<void> | void) => {
    chain = chain.then(async () => {
      if (!closed) await step()
    })
    chain = chain.catch((error: unknown) => getLogger().error({ err: error }, 'realtime subscription step failed'))
    return chain
  }

  const deliver = (i: number, event: RealtimeEvent) => {
    cursors[i] = event.seq ?? cursors[i] ?? 0
    const spec = channels[i]
    if (spec?.visible && !spec.visible(event)) return
    send(spec?.project ? spec.project(event) : event, formatCursor(cursors))
  }

  const catchUp = async (i: number) => {
    const spec = channels[i]
    if (!spec) return
    for (;;) {
      const rows = await db
        .select({ seq: realtimeEvents.seq, type: realtimeEvents.type, data: realtimeEvents.data })
        .from(realtimeEvents)
        .where(and(eq(realtimeEvents.channel, spec.channel), gt(realtimeEvents.seq, cursors[i] ?? 0)))
        .orderBy(asc(realtimeEvents.seq))
        .limit(BATCH)
      for (const row of rows) {
        if (closed) return
        deliver(i, { channel: spec.channel, seq: Number(row.seq), type: row.type, data: row.data })
      }
      if (rows.length < BATCH) return
    }
  }

  const onEvent = (event: IncomingEvent) => {
    const i = indexOf.get(event.channel)
    if (i === undefined) return
    if (event.seq === undefined) {
      // Ephemeral: only for who is listening now, and only when not mid catch-up.
      void run(() => {
        const spec = channels[i]
        if (!spec?.visible || spec.visible(event)) send(spec?.project ? spec.project(event) : event, formatCursor(cursors))
      })
      return
    }
    const seq = event.seq
    void run(async () => {
      const cursor = cursors[i] ?? 0
      if (seq <= cursor) return
      if (seq === cursor + 1 && !event.partial) deliver(i, event)
      else await catchUp(i)
    })
  }

  const unsubscribe = hub.subscribe(
    channels.map((c) => c.channel),
    {
      onEvent,
      onResync: () => {
        for (let i = 0; i < channels.length; i++) void run(() => catchUp(i))
      },
    },
  )

  // Listening first, reading second: an event committed in between is either read here or
  // arrives afterwards and is recognised as already seen.
  const ready = run(async () => {
    for (let i = 0; i < channels.length; i++) {
      const spec = channels[i]!
      if (spec.cursor === null) {
        const [row] = await db
          .select({ lastSeq: realtimeChannels.lastSeq })
          .from(realtimeChannels)
          .where(eq(realtimeChannels.channel, spec.channel))
        cursors[i] = Number(row?.lastSeq ?? 0)
      } else {
        const [row] = await db
          .select({ lastSeq: realtimeChannels.lastSeq })
          .from(realtimeChannels)
          .where(eq(realtimeChannels.channel, spec.channel))
        const last = Number(row?.lastSeq ?? 0)
        if (spec.cursor > last) {
          // A cursor from the future (another database, a restored backup): start again.
          cursors[i] = last
          send({ channel: spec.channel, type: 'reset', data: {} }, formatCursor(cursors))
        } else {
          const [oldest] = await db
            .select({ seq: realtimeEvents.seq })
            .from(realtimeEvents)
            .where(and(eq(realtimeEvents.channel, spec.channel), gt(realtimeEvents.seq, spec.cursor)))
            .orderBy(asc(realtimeEvents.seq))
            .limit(1)
          if (oldest && Number(oldest.seq) > spec.cursor + 1) {
            // What was missed has been pruned: the client reloads rather than miss it silently.
            cursors[i] = Number(oldest.seq) - 1
            send({ channel: spec.channel, type: 'reset', data: {} }, formatCursor(cursors))
          } else {
            cursors[i] = spec.cursor
          }
          await catchUp(i)
        }
      }
    }
  })

  return {
    ready,
    close() {
      closed = true
      unsubscribe()
    },
  }
}
