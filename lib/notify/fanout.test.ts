import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { citizens, pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { auditLog } from '@/db/schema/staff'
import { deliveries, notifications, pushServiceBlocks } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import webpush from 'web-push'
import { setupTestDatabase } from '../testing/test-database'
import { startPushSink, type PushSink } from '../testing/push-sink'
import { PushSender } from '../push/push-sender'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE, notify } from './notify'
import { runFanout } from './fanout'

const database = setupTestDatabase({ seed: true })
let sink: PushSink
let sender: PushSender
let topicId = 0
const vapid = webpush.generateVAPIDKeys()

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  sink = await startPushSink()
  sender = new PushSender({ vapid: { ...vapid, subject: 'mailto:urp@comune.esempio.it' }, connect: { ca: sink.ca }, requestTimeoutMs: 2_000 })
  const [topic] = await database.current().db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
  topicId = topic!.id
})

afterAll(async () => {
  await sender?.close()
  await sink?.close()
  await stopJobs()
})

/** Citizens following the topic, each with one device subscribed at the sink. */
async function subscribers(n: number, label: string) {
  const { db } = database.current()
  const endpoints: string[] = []
  for (let i = 0; i < n; i++) {
    const [citizen] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    await db.insert(topicSubscriptions).values({ citizenId: citizen!.id, topicId })
    const device = sink.newSubscription({ label: `${label}-${i}` })
    await db.insert(pushSubscriptions).values({
      citizenId: citizen!.id,
      endpoint: device.endpoint,
      origin: new URL(device.endpoint).origin,
      p256dh: device.keys.p256dh,
      auth: device.keys.auth,
    })
    endpoints.push(device.endpoint)
  }
  return endpoints
}

async function send(title: string) {
  const { db } = database.current()
  return db.transaction((tx) =>
    notify(tx, {
      kind: 'alert',
      title,
      body: 'Allerta arancione per temporali.',
      url: '/allerte/1',
      audience: { topicId },
      urgency: 'high',
      ttlSeconds: 3600,
      sourceType: 'alert',
      sourceId: title,
    }),
  )
}

const fast = { sender: undefined as unknown as PushSender, retryDelayMs: () => 50, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50))) }

async function states(notificationId: string) {
  const rows = await database.current().db.select({ state: deliveries.state }).from(deliveries).where(eq(deliveries.notificationId, notificationId))
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {})
}

describe('push fan-out', () => {
  it('delivers the encrypted message to every subscribed device, with TTL, urgency and topic', async () => {
    sink.reset()
    const devices = await subscribers(12, 'ok')
    const { notificationId } = await send('Allerta temporali')
    await runFanout(database.current().db, notificationId, { ...fast, sender })
    const received = sink.received().filter((r) => devices.includes(r.endpoint))
    expect(received).toHaveLength(12)
    for (const r of received) {
      expect(r.vapid.valid).toBe(true)
      expect(r.headers).toMatchObject({ urgency: 'high', contentEncoding: 'aes128gcm' })
      expect(Number(r.headers.ttl)).toBeGreaterThan(3500)
      expect(r.headers.topic).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(JSON.parse(r.payload!)).toMatchObject({ id: notificationId, title: 'Allerta temporali', url: '/allerte/1', tag: notificationId })
    }
    const [n] = await database.current().db.select().from(notifications).where(eq(notifications.id, notificationId))
    expect(n).toMatchObject({ state: 'done', sent: n!.total, gone: 0, failed: 0 })
    expect(await states(notificationId)).toEqual({ sent: n!.total })
  })

  it('forgets devices the push service says are gone (404, 410)', async () => {
    sink.reset()
    const [a, b] = await subscribers(2, 'gone')
    sink.behave(a!, { status: 410 })
    sink.behave(b!, { status: 404 })
    const { notificationId } = await send('Allerta vento')
    await runFanout(database.current().db, notificationId, { ...fast, sender })
    const remaining = await database.current().db.select().from(pushSubscriptions).where(sql`${pushSubscriptions.endpoint} in (${a}, ${b})`)
    expect(remaining).toHaveLength(0)
    const [n] = await database.current().db.select().from(notifications).where(eq(notifications.id, notificationId))
    expect(n?.gone).toBe(2)
    expect(n!.sent + n!.gone + n!.failed).toBe(n!.total)
  })

  it('leaves in the audit log how many devices the message reached, once, however many runs finish it', async () => {
    sink.reset()
    const [gone] = await subscribers(3, 'reached')
    sink.behave(gone!, { status: 410 })
    const { notificationId } = await send('Allerta frane')
    await runFanout(database.current().db, notificationId, { ...fast, sender })
    await runFanout(database.current().db, notificationId, { ...fast, sender })
    const [n] = await database.current().db.select().from(notifications).where(eq(notifications.id, notificationId))
    const entries = await database.current().db.select().from(auditLog).where(eq(auditLog.action, 'notification.delivered'))
    const mine = entries.filter((e) => e.details.notificationId === notificationId)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ targetType: 'alert', targetId: 'Allerta frane', actorId: null })
    expect(mine[0]!.details).toMatchObject({ devices: n!.total, sent: n!.total - 1, gone: 1, failed: 0, title: 'Allerta frane' })
    expect(n!.total).toBeGreaterThanOrEqual(3)
  })

  it('retries server errors and 429 (honouring Retry-After) until delivered, and gives up after the last attempt', async () => {
    sink.reset()
    const [flaky, limited, broken] = await subscribers(3, 'retry')
    sink.behave(flaky!, { status: 503, times: 2 })
    sink.behave(limited!, { status: 429, times: 1, retryAfter: '1' })
    sink.behave(broken!, { status: 500 })
    const { notificationId } = await send('Allerta neve')
    const started = Date.now()
    await runFanout(database.current().db, notificationId, { ...fast, sender, maxAttempts: 3 })
    const rows = await database.current().db
      .select({ state: deliveries.state, attempts: deliveries.attempts, endpoint: pushSubscriptions.endpoint })
      .from(deliveries)
      .innerJoin(pushSubscriptions, eq(pushSubscriptions.id, deliveries.subscriptionId))
      .where(eq(deliveries.notificationId, notificationId))
    const byEndpoint = Object.fromEntries(rows.map((r) => [r.endpoint, r]))
    expect(byEndpoint[flaky!]).toMatchObject({ state: 'sent', attempts: 3 })
    expect(byEndpoint[limited!]).toMatchObject({ state: 'sent' })
    expect(byEndpoint[broken!]).toMatchObject({ state: 'failed', attempts: 3 })
    // Retry-After: 1 was honoured, not shortened by the fast test backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('stops a push service that refuses our credentials, and tells staff in the audit log', async () => {
    sink.reset()
    await subscribers(3, 'refused')
    sink.behave('*', { status: 403 })
    try {
      const { notificationId } = await send('Allerta ghiaccio')
      await runFanout(database.current().db, notificationId, { ...fast, sender, concurrency: 1, batchSize: 1 })
      const [n] = await database.current().db.select().from(notifications).where(eq(notifications.id, notificationId))
      expect(n?.state).toBe('done')
      expect(n?.sent).toBe(0)
      expect(n?.failed).toBe(n?.total)
      // One refusal was enough: the others were not even attempted.
      expect(sink.received().length).toBe(1)
      const blocks = await database.current().db.select().from(pushServiceBlocks)
      expect(blocks.map((b) => b.origin)).toContain(sink.origin)
      const alerts = await database.current().db.select().from(auditLog).where(eq(auditLog.action, 'push.service_blocked'))
      expect(alerts).toHaveLength(1)
    } finally {
      sink.reset()
      await database.current().db.delete(pushServiceBlocks)
    }
  })
})
