import { afterAll, describe, expect, it } from 'vitest'
import { and, eq, lte } from 'drizzle-orm'
import { openDatabase, type Database } from '@/db/client'
import { realtimeEvents } from '@/db/schema/realtime'
import { setupTestDatabase } from '../testing/test-database'
import type { RealtimeEvent } from './events-shared'
import { getHub, RealtimeHub } from './hub'
import { publish, publishEphemeral } from './publish'
import { openSubscription } from './subscription'
import { sseResponse } from './sse-response'

const database = setupTestDatabase()
const extra: Array<{ close(): Promise<void> }> = []
afterAll(async () => {
  for (const e of extra) await e.close()
})

function collect() {
  const events: RealtimeEvent[] = []
  const cursors: string[] = []
  return { events, cursors, send: (e: RealtimeEvent, c: string) => (events.push(e), cursors.push(c)) }
}

async function until(check: () => boolean, ms = 10_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function publishMany(channel: string, count: number, writers = 4) {
  const { db } = database.current()
  let n = 0
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (n < count) {
        n++
        await db.transaction(async (tx) => {
          await publish(tx, channel, 'message', { n })
        })
      }
    }),
  )
}

describe('realtime channels', () => {
  it('delivers every event of concurrent writers once, in sequence order', async () => {
    const hub = await getHub()
    const sink = collect()
    const sub = openSubscription({ db: database.current().db, hub, channels: [{ channel: 'test:a', cursor: 0 }], send: sink.send })
    await sub.ready
    await publishMany('test:a', 120)
    await until(() => sink.events.length >= 120)
    await new Promise((r) => setTimeout(r, 100))
    expect(sink.events.map((e) => e.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
    expect(sink.cursors.at(-1)).toBe('120')
    sub.close()
  })

  it('a rolled-back write publishes nothing and leaves no hole in the sequence', async () => {
    const { db } = database.current()
    const hub = await getHub()
    const sink = collect()
    const sub = openSubscription({ db, hub, channels: [{ channel: 'test:b', cursor: 0 }], send: sink.send })
    await sub.ready
    await db.transaction((tx) => publish(tx, 'test:b', 'x'))
    await db
      .transaction(async (tx) => {
        await publish(tx, 'test:b', 'never')
        throw new Error('changed my mind')
      })
      .catch(() => {})
    await db.transaction((tx) => publish(tx, 'test:b', 'y'))
    await until(() => sink.events.length >= 2)
    expect(sink.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'x'],
      [2, 'y'],
    ])
    sub.close()
  })

  it('a reader that drops mid-stream and comes back with its last id gets exactly what it missed', async () => {
    const { db } = database.current()
    const hub = await getHub()
    const first = collect()
    const sub1 = openSubscription({ db, hub, channels: [{ channel: 'test:c', cursor: 0 }], send: first.send })
    await sub1.ready
    await publishMany('test:c', 30)
    await until(() => first.events.length >= 30)
    sub1.close()
    // The connection is down while the conversation goes on.
    await publishMany('test:c', 25)
    const second = collect()
    const lastId = first.cursors.at(-1)!
    const sub2 = openSubscription({ db, hub, channels: [{ channel: 'test:c', cursor: Number(lastId) }], send: second.send })
    await sub2.ready
    await publishMany('test:c', 5)
    await until(() => second.events.length >= 30)
    await new Promise((r) => setTimeout(r, 100))
    const all = [...first.events, ...second.events].map((e) => e.seq)
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    sub2.close()
  })

  it('follows several channels with one cursor, skips what the reader may not see, and passes typing through', async () => {
    const { db } = database.current()
    const hub = await getHub()
    const sink = collect()
    const sub = openSubscription({
      db,
      hub,
      channels: [
        { channel: 'test:d1', cursor: 0 },
        { channel: 'test:d2', cursor: 0, visible: (e) => e.data.internal !== true },
      ],
      send: sink.send,
    })
    await sub.ready
    await db.transaction(async (tx) => {
      await publish(tx, 'test:d1', 'a')
      await publish(tx, 'test:d2', 'note', { internal: true })
      await publish(tx, 'test:d2', 'b')
    })
    await publishEphemeral(db, 'test:d2', 'typing', { who: 'staff' })
    await until(() => sink.events.length >= 3)
    expect(sink.events.map((e) => e.type)).toEqual(['a', 'b', 'typing'])
    expect(sink.cursors.slice(0, 2)).toEqual(['1.0', '1.2'])
    sub.close()
  })

  it('a cursor ahead of the database is answered with a reset', async () => {
    const sink = collect()
    const sub = openSubscription({ db: database.current().db, hub: await getHub(), channels: [{ channel: 'test:a', cursor: 9999 }], send: sink.send })
    await sub.ready
    expect(sink.events.map((e) => e.type)).toEqual(['reset'])
    expect(sink.cursors).toEqual(['120'])
    sub.close()
  })

  it('a cursor older than the kept events is answered with a reset, then the rest', async () => {
    const { db } = database.current()
    await publishMany('test:f', 5)
    await db.delete(realtimeEvents).where(and(eq(realtimeEvents.channel, 'test:f'), lte(realtimeEvents.seq, 3)))
    const sink = collect()
    const sub = openSubscription({ db, hub: await getHub(), channels: [{ channel: 'test:f', cursor: 1 }], send: sink.send })
    await sub.ready
    expect(sink.events.map((e) => [e.type, e.seq ?? null])).toEqual([
      ['reset', null],
      ['message', 4],
      ['message', 5],
    ])
    sub.close()
  })

  it('the SSE response resumes from Last-Event-ID and writes each event with its id', async () => {
    await publishMany('test:g', 4)
    const controller = new AbortController()
    const request = new Request('http://filo.test/stream', { headers: { 'last-event-id': '2' }, signal: controller.signal })
    const response = await sseResponse({ request, channels: [{ channel: 'test:g' }] })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const read = async (until: string) => {
      while (!text.includes(until)) text += decoder.decode((await reader.read()).value)
    }
    await read('id: 4\n')
    await database.current().db.transaction((tx) => publish(tx, 'test:g', 'later'))
    await read('id: 5\n')
    controller.abort()
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
    expect(ids).toEqual([3, 4, 5])
    expect(text).toContain('"type":"later"')
  })

  it('another server process on the same database sees the same events (PostgreSQL)', async () => {
    const current = database.current()
    if (current.mode !== 'postgres') return
    const other: Database = await openDatabase({ databaseUrl: current.url, dataDir: 'unused' })
    extra.push(other)
    const otherHub = new RealtimeHub(other)
    extra.push({ close: () => otherHub.stop() })
    await otherHub.start()
    const sink = collect()
    const sub = openSubscription({ db: other.db, hub: otherHub, channels: [{ channel: 'test:e', cursor: 0 }], send: sink.send })
    await sub.ready
    await publishMany('test:e', 40)
    await until(() => sink.events.length >= 40)
    expect(sink.events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    sub.close()
  })
})
