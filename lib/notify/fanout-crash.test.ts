import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import webpush from 'web-push'
import { openDatabase, type Database } from '@/db/client'
import { migrateDatabase } from '@/db/migrate'
import { seedDemo } from '@/db/seed'
import { citizens, pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { deliveries, notifications } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { createTestDatabase } from '../testing/test-database'
import { startPushSink, type PushSink } from '../testing/push-sink'
import { PushSender } from '../push/push-sender'
import { getEnv } from '../env'
import { runFanout } from './fanout'

const DEVICES = 60
const CONCURRENCY_IN_CHILD = 3
/** lib/testing/fanout-child.ts's batch size: at most one batch of outcomes waits for its write. */
const BATCH_IN_CHILD = 6
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }
let sink: PushSink
let database: Database
let dataDir: string | undefined
let databaseUrl: string | undefined
let drop = async () => {}

beforeAll(async () => {
  sink = await startPushSink()
  if (getEnv().DATABASE_URL) {
    const created = await createTestDatabase({ seed: true })
    database = created
    databaseUrl = created.mode === 'postgres' ? created.url : undefined
    drop = () => created.drop()
  } else {
    // A folder, not memory: the child process must open the same embedded database.
    dataDir = mkdtempSync(path.join(tmpdir(), 'filo-crash-'))
    database = await openDatabase({ dataDir })
    await migrateDatabase(database)
    await seedDemo(database.db)
    drop = () => database.close()
  }
})

afterAll(async () => {
  await sink?.close()
  await drop()
})

function runChild(notificationId: string, onLine: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/fanout-child.ts', notificationId, '2'], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: sink.caFile,
      VAPID_JSON: JSON.stringify(vapid),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', FILO_DATA_DIR: dataDir }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(onLine))
  return child
}

it('a fan-out killed half-way is finished by the next run, every device reached, each delivery settled once', async () => {
  const { db } = database
  const [topic] = await db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
  for (let i = 0; i < DEVICES; i++) {
    const [citizen] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    await db.insert(topicSubscriptions).values({ citizenId: citizen!.id, topicId: topic!.id })
    const device = sink.newSubscription()
    await db.insert(pushSubscriptions).values({
      citizenId: citizen!.id,
      endpoint: device.endpoint,
      origin: sink.origin,
      p256dh: device.keys.p256dh,
      auth: device.keys.auth,
    })
  }
  const [notification] = await db
    .insert(notifications)
    .values({ kind: 'alert', title: 'Allerta rossa', body: 'Restate in casa.', url: '/allerte/9', topicId: topic!.id, urgency: 'high', ttlSeconds: 3600 })
    .returning()
  // Slow answers, so the child is surely killed with requests in flight.
  sink.behave('*', { delayMs: 40 })
  if (dataDir) await database.close()

  const child = runChild(notification!.id, () => {})
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (sink.count() >= 20) {
        clearInterval(timer)
        child.kill('SIGKILL')
        resolve()
      }
    }, 5)
    child.on('exit', (code) => {
      clearInterval(timer)
      if (sink.count() < 20) reject(new Error(`child ended early with ${code}`))
    })
  })
  await new Promise((r) => child.once('exit', r))
  const receivedAtKill = sink.count()
  expect(receivedAtKill).toBeLessThan(DEVICES)

  // "Starting it again": a new process opens the database and runs the same job.
  if (dataDir) database = await openDatabase({ dataDir })
  sink.reset()
  const sender = new PushSender({ vapid, connect: { ca: sink.ca } })
  await runFanout(database.db, notification!.id, { sender, leaseSeconds: 2 })
  await sender.close()

  const rows = await database.db.select({ state: deliveries.state }).from(deliveries).where(eq(deliveries.notificationId, notification!.id))
  expect(rows).toHaveLength(DEVICES)
  expect(rows.every((r) => r.state === 'sent')).toBe(true)
  const [finished] = await database.db.select().from(notifications).where(eq(notifications.id, notification!.id))
  expect(finished).toMatchObject({ state: 'done', total: DEVICES, sent: DEVICES, gone: 0, failed: 0 })

  // Only what was in flight at the moment of the kill, or sent but not yet written down
  // (at most one batch), can be sent again; the devices show it once (the payload's tag
  // is the notification id).
  const resent = sink.count()
  expect(resent + receivedAtKill).toBeGreaterThanOrEqual(DEVICES)
  expect(resent + receivedAtKill - DEVICES).toBeLessThanOrEqual(CONCURRENCY_IN_CHILD + BATCH_IN_CHILD)
  expect(new Set(sink.received().map((m) => JSON.parse(m.payload!).tag))).toEqual(new Set([notification!.id]))
}, 60_000)
