/**
 * Fan-out of one notification to N devices, end to end: the inbox rows and the job are
 * written by notify(), then runFanout encrypts and sends real Web Push to the local sink
 * (a separate process, so the two do not share one event loop), and every delivery is
 * settled in the database. Prints the time from commit to the last delivery.
 *
 *   tsx bench/push-fanout.ts [devices=10000] [concurrency=200]
 * Uses an in-memory PGlite, or a throwaway database on DATABASE_URL's server.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Agent, fetch } from 'undici'
import postgres from 'postgres'
import { sql } from 'drizzle-orm'
import webpush from 'web-push'
import { openDatabase, type Database } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { seedDemo } from '../db/seed'
import { runFanout } from '../lib/notify/fanout'
import { PushSender } from '../lib/push/push-sender'
import { notifications } from '../db/schema/notifications'
import { topics } from '../db/schema/topics'
import { eq } from 'drizzle-orm'

const devices = Number(process.argv[2] ?? 10_000)
const concurrency = Number(process.argv[3] ?? 200)
const port = 4420
const caFile = path.join(tmpdir(), `filo-bench-sink-${process.pid}.pem`)

const sinkProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/push-sink-server.ts', '--port', String(port), '--ca-out', caFile], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise<void>((resolve, reject) => {
  sinkProcess.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('caFile=') && resolve())
  sinkProcess.once('exit', (code) => reject(new Error(`sink exited with ${code}`)))
})
const ca = readFileSync(caFile, 'utf8')
const sinkOrigin = `https://127.0.0.1:${port}`
const control = new Agent({ connect: { ca } })

let database: Database
let dropDatabase = async () => {}
if (process.env.DATABASE_URL) {
  const name = `filo_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(process.env.DATABASE_URL)
  url.pathname = `/${name}`
  database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' })
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
} else {
  database = await openDatabase({ dataDir: 'memory://' })
}

try {
  await migrateDatabase(database)
  await seedDemo(database.db)
  const { db } = database

  let t = performance.now()
  const response = await fetch(`${sinkOrigin}/_sink/subscriptions`, { method: 'POST', body: JSON.stringify({ count: devices }), dispatcher: control })
  const { subscriptions } = (await response.json()) as { subscriptions: Array<{ endpoint: string; keys: { p256dh: string; auth: string } }> }
  console.log(`setup: ${devices} sink subscriptions in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  t = performance.now()
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, 'protezione-civile'))
  const topicId = topic!.id
  for (let i = 0; i < subscriptions.length; i += 2_000) {
    const chunk = subscriptions.slice(i, i + 2_000)
    await db.execute(sql`
      with c as (
        insert into citizens (privacy_version, privacy_acknowledged_at)
        select '2026-01', now() from generate_series(1, ${chunk.length})
        returning id),
      numbered as (select id, row_number() over () as n from c),
      subs as (
        select e->>'endpoint' as endpoint, e->>'p256dh' as p256dh, e->>'auth' as auth, n
        from jsonb_array_elements(${JSON.stringify(chunk.map((s) => ({ endpoint: s.endpoint, ...s.keys })))}::jsonb) with ordinality as s(e, n)),
      t as (insert into topic_subscriptions (citizen_id, topic_id) select id, ${topicId} from numbered)
      insert into push_subscriptions (citizen_id, endpoint, origin, p256dh, auth)
      select numbered.id, subs.endpoint, ${sinkOrigin}, subs.p256dh, subs.auth from numbered join subs using (n)`)
  }
  console.log(`setup: ${devices} citizens subscribed in ${((performance.now() - t) / 1000).toFixed(1)} s (${database.mode})`)

  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:protezionecivile@comune.esempio.it' }
  const sender = new PushSender({ vapid, connect: { ca }, maxConnectionsPerOrigin: 64 })

  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  // notify() needs the job queue only to enqueue; here the fan-out is run directly instead.
  const [created] = await db
    .insert(notifications)
    .values({ kind: 'alert', title: 'Allerta rossa: temporali', body: 'Restate in casa, evitate i sottopassi.', url: '/allerte/1', topicId, urgency: 'high', ttlSeconds: 6 * 3600 })
    .returning({ id: notifications.id })
  await db.execute(sql`insert into inbox_items (citizen_id, notification_id) select citizen_id, ${created!.id}::uuid from topic_subscriptions where topic_id = ${topicId}`)
  const inboxMs = performance.now() - started
  let lastReport = 0
  await runFanout(db, created!.id, {
    sender,
    concurrency,
    onProgress: (p) => {
      const now = performance.now()
      if (now - lastReport > 2_000) {
        lastReport = now
        console.log(`  … ${p.sent} / ${p.total} sent after ${((now - started) / 1000).toFixed(1)} s`)
      }
    },
  })
  const totalMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const [done] = await db.select().from(notifications).where(eq(notifications.id, created!.id))
  const count = (await (await fetch(`${sinkOrigin}/_sink/count`, { dispatcher: control })).json()) as { count: number; statuses: Record<string, number> }
  await sender.close()

  console.log(`fan-out to ${devices} devices (${database.mode}, concurrency ${concurrency}):`)
  console.log(`  inbox rows written      ${inboxMs.toFixed(0)} ms`)
  console.log(`  last delivery after     ${(totalMs / 1000).toFixed(2)} s`)
  console.log(`  throughput              ${Math.round(devices / (totalMs / 1000))} deliveries/s`)
  console.log(`  CPU of this process     ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${((cpu.user + cpu.system) / 1e3 / devices).toFixed(3)} ms per delivery; the sink runs apart)`)
  console.log(`  settled                 sent ${done!.sent}, gone ${done!.gone}, failed ${done!.failed} of ${done!.total}`)
  console.log(`  sink received           ${count.count} requests ${JSON.stringify(count.statuses)}`)
} finally {
  await database.close()
  await dropDatabase()
  sinkProcess.kill('SIGTERM')
  await control.close()
}
