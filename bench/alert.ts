/**
 * A red alert to 100,000 devices, end to end, while citizens keep loading the site:
 *
 *   npm run bench:alert -- [--devices 100000] [--rate 200] [--mode worker|inprocess]
 *
 * 1. A throwaway PostgreSQL database (on DATABASE_URL's server, default
 *    postgres://postgres@127.0.0.1:5432/postgres) is migrated and seeded; N citizens
 *    follow "Protezione civile", each with a push subscription at the local HTTPS push sink
 *    (bench/push-sink-server.ts, a separate process that checks VAPID and can decrypt).
 * 2. The production build is started (`next start`, run `npm run build` first). In
 *    `worker` mode the web process only enqueues (FILO_RUN_JOBS=false) and one
 *    `npm run worker` process runs the fan-out.
 * 3. An open-loop load generator (bench/load-gen.ts, its own process) sends `rate`
 *    requests per second to `/` and to `/cap/alerts.atom`.
 * 4. A red alert is drafted by civil protection and approved by the administrator through
 *    lib/alerts (publishAlert): the same transaction as the staff screens, the same
 *    pg-boss job the server picks up.
 * 5. Prints the time from the approval to the LAST delivery received by the sink,
 *    deliveries per second and failures, and p50/p99 of each path before and during the
 *    fan-out, with the CPU each process used.
 *
 * The embedded database (PGlite) is one process only, so this benchmark needs PostgreSQL.
 * Figures only: nothing is asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Agent, fetch } from 'undici'
import postgres from 'postgres'
import { eq, sql } from 'drizzle-orm'

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '200' },
    // The deployment README gives for a Comune expecting a large fan-out: web processes that
    // only enqueue, and a worker that sends. `inprocess` measures the one-process default.
    mode: { type: 'string', default: 'worker' },
    port: { type: 'string', default: '3510' },
    'sink-port': { type: 'string', default: '4451' },
    'before-seconds': { type: 'string', default: '5' },
    'keep-db': { type: 'boolean', default: false },
    /** Give up waiting for the last delivery after this many seconds. */
    timeout: { type: 'string', default: '900' },
  },
})
const devices = Number(values.devices)
const rate = Number(values.rate)
const mode = values.mode === 'inprocess' ? 'inprocess' : 'worker'
const port = Number(values.port)
const sinkPort = Number(values['sink-port'])
const beforeSeconds = Number(values['before-seconds'])
const base = `http://127.0.0.1:${port}`
const sinkOrigin = `https://127.0.0.1:${sinkPort}`
const caFile = path.join(tmpdir(), `filo-bench-alert-ca-${process.pid}.pem`)
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `filo_alertbench_${randomBytes(4).toString('hex')}`
const dbUrl = (() => {
  const u = new URL(serverUrl)
  u.pathname = `/${dbName}`
  return u.toString()
})()
const AUTH_SECRET = 'filo-bench-only-secret-0123456789-abcdefghijklmnop'
const children: ChildProcess[] = []

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const log = (line: string) => console.log(line)

function start(name: string, command: string, args: string[], env: Record<string, string> = {}, stdout: 'pipe' | 'ignore' = 'ignore') {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'pipe'], detached: false })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) console.error(`[${name}] ${line}`)
  })
  children.push(child)
  return child
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/** CPU seconds (user + system) used so far by `pid` and all its descendants. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0
  const stats = new Map<number, { ppid: number; ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0
  const walk = (p: number) => {
    ticks += stats.get(p)?.ticks ?? 0
    for (const [child, st] of stats) if (st.ppid === p) walk(child)
  }
  walk(pid)
  return ticks / 100
}

/** Busy and total CPU time of the whole machine, from /proc/stat. */
function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number)
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
  const total = fields.reduce((a, b) => a + b, 0)
  return { busy: (total - idle) / 100, total: total / 100 }
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN
}

function summarize(samples: Array<[number, number, number]>, from: number, to: number) {
  const chosen = samples.filter(([due]) => due >= from && due <= to)
  const latencies = chosen.map(([, l]) => l).sort((a, b) => a - b)
  const errors = chosen.filter(([, , status]) => status < 200 || status >= 400).length
  const f = (n: number) => `${n.toFixed(1)} ms`.padStart(10)
  const seconds = Math.max(0.001, (to - from) / 1000)
  return `${String(chosen.length).padStart(6)} req (${(chosen.length / seconds).toFixed(0)}/s)  p50 ${f(percentile(latencies, 50))}  p99 ${f(percentile(latencies, 99))}  max ${f(latencies.at(-1) ?? NaN)}  errors ${errors}`
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
// Ctrl-C: stop the children and drop the database, as at the end of a run.
process.once('SIGINT', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  void admin
    .unsafe(`drop database if exists ${dbName} with (force)`)
    .catch(() => {})
    .finally(() => process.exit(130))
})
let exitCode = 0
try {
  log(`bench:alert — ${devices} devices, ${rate} req/s on / and on /cap/alerts.atom, fan-out ${mode === 'worker' ? 'in a separate worker process' : 'inside the web process'}, PostgreSQL`)

  // 1. The push sink, in its own process.
  const sink = start('sink', process.execPath, ['--import', 'tsx', 'bench/push-sink-server.ts', '--port', String(sinkPort), '--ca-out', caFile], {}, 'pipe')
  await new Promise<void>((resolve, reject) => {
    sink.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('caFile=') && resolve())
    sink.once('exit', (code) => reject(new Error(`sink exited with ${code}`)))
  })
  const control = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } })
  const sinkCount = async () =>
    (await (await fetch(`${sinkOrigin}/_sink/count`, { dispatcher: control })).json()) as { count: number; statuses: Record<string, number>; firstAt: number | null; lastAt: number | null }

  // 2. A throwaway database, migrated and seeded by the same code the server uses.
  await admin.unsafe(`create database ${dbName}`)
  Object.assign(process.env, { DATABASE_URL: dbUrl, AUTH_SECRET, FILO_PUBLIC_URL: base, LOG_LEVEL: 'warn', FILO_DEMO_SEED: 'never' })
  const { getDatabase } = await import('../lib/db')
  const { migrateDatabase } = await import('../db/migrate')
  const { seedDemo } = await import('../db/seed')
  const database = await getDatabase()
  await migrateDatabase(database)
  await seedDemo(database.db)
  const { db } = database
  const { topics } = await import('../db/schema/topics')
  const { staffUsers } = await import('../db/schema/staff')
  const { notifications } = await import('../db/schema/notifications')

  const t = performance.now()
  const response = await fetch(`${sinkOrigin}/_sink/subscriptions`, { method: 'POST', body: JSON.stringify({ count: devices }), dispatcher: control })
  const { subscriptions } = (await response.json()) as { subscriptions: Array<{ endpoint: string; keys: { p256dh: string; auth: string } }> }
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, 'protezione-civile'))
  for (let i = 0; i < subscriptions.length; i += 5_000) {
    const chunk = subscriptions.slice(i, i + 5_000)
    await db.execute(sql`
      with c as (
        insert into citizens (privacy_version, privacy_acknowledged_at)
        select '2026-01', now() from generate_series(1, ${chunk.length})
        returning id),
      numbered as (select id, row_number() over () as n from c),
      subs as (
        select e->>'endpoint' as endpoint, e->>'p256dh' as p256dh, e->>'auth' as auth, n
        from jsonb_array_elements(${JSON.stringify(chunk.map((x) => ({ endpoint: x.endpoint, ...x.keys })))}::jsonb) with ordinality as s(e, n)),
      t as (insert into topic_subscriptions (citizen_id, topic_id) select id, ${topic!.id} from numbered)
      insert into push_subscriptions (citizen_id, endpoint, origin, p256dh, auth)
      select numbered.id, subs.endpoint, ${sinkOrigin}, subs.p256dh, subs.auth from numbered join subs using (n)`)
  }
  await db.execute(sql`analyze`)
  log(`setup: ${devices} citizens with a push subscription at the sink in ${s(performance.now() - t)} (database ${dbName})`)

  // 3. The production server (and the worker), trusting the sink's certificate.
  const serverEnv = {
    DATABASE_URL: dbUrl,
    AUTH_SECRET,
    FILO_PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    NODE_EXTRA_CA_CERTS: caFile,
    NODE_ENV: 'production',
    ...(mode === 'worker' ? { FILO_RUN_JOBS: 'false' } : {}),
  }
  const server = start('next', 'node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], serverEnv)
  await waitFor(`${base}/api/health`)
  let worker: ChildProcess | undefined
  if (mode === 'worker') {
    const profile = process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROF}`] : []
    worker = start('worker', process.execPath, [...profile, '--conditions=react-server', '--import', 'tsx', 'lib/server/worker-cli.ts'], { ...serverEnv, FILO_RUN_JOBS: 'true' }, 'pipe')
    await new Promise<void>((resolve, reject) => {
      worker!.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('worker ready') && resolve())
      worker!.once('exit', (code) => reject(new Error(`worker exited with ${code}`)))
    })
  }
  for (let i = 0; i < 20; i++) for (const p of ['/', '/cap/alerts.atom']) await (await fetch(base + p)).arrayBuffer()

  // The bench process enqueues like the server does: the queue exists already (the server made it).
  const { startJobs, ensureQueue } = await import('../lib/jobs/boss')
  const { FANOUT_QUEUE } = await import('../lib/notify/notify')
  await ensureQueue(await startJobs(database), FANOUT_QUEUE)

  // The draft, and civil protection's request for approval.
  const { createAlertDraft } = await import('../lib/alerts/create-alert')
  const { publishAlert } = await import('../lib/alerts/publish-alert')
  const { alertFingerprint } = await import('../lib/alerts/alert-fingerprint')
  const { alerts } = await import('../db/schema/alerts')
  const actor = async (email: string) => {
    const [u] = await db.select().from(staffUsers).where(eq(staffUsers.email, email))
    return { kind: 'staff' as const, id: u!.id, email: u!.email, name: u!.name, role: u!.role, officeId: u!.officeId ?? null }
  }
  const pc = await actor('protezionecivile@comune.esempio.it')
  const approver = await actor('admin@comune.esempio.it')
  const now = new Date()
  const draft = await createAlertDraft(
    pc,
    {
      level: 'rossa',
      phase: 'allarme',
      risks: ['temporali', 'idraulico'],
      headline: 'Temporali forti e rischio di allagamenti',
      description: 'Temporali di forte intensità attesi dal pomeriggio su tutto il territorio comunale.',
      comuneActions: 'Il Centro operativo comunale è aperto.',
      instructions: 'Evita i sottopassi e i piani interrati. Non usare l’auto se non è necessario.',
      sourceUrl: '',
      issuer: 'Sindaco',
      validFrom: now,
      validUntil: new Date(now.getTime() + 6 * 3_600_000),
      zoneIds: [],
      customPolygon: null,
      waitingAreaIds: [],
    },
    { ip: null },
  )
  const alertId = draft.id
  await publishAlert(pc, alertId, {}, { ip: null })

  // 4. Load first (a quiet baseline), then the approval.
  const cpu0 = { server: cpuSeconds(server.pid), worker: cpuSeconds(worker?.pid), sink: cpuSeconds(sink.pid), machine: machineCpu() }
  const load = start('load', process.execPath, ['--import', 'tsx', 'bench/load-gen.ts', '--base', base, '--rate', String(rate), '--seconds', '600', '/', '/cap/alerts.atom'], {}, 'pipe')
  let loadOutput = ''
  load.stdout!.setEncoding('utf8').on('data', (chunk: string) => (loadOutput += chunk))
  const loadDone = new Promise<void>((resolve) => load.once('exit', () => resolve()))
  await new Promise((r) => setTimeout(r, beforeSeconds * 1000))
  const cpuLoadOnly = { server: cpuSeconds(server.pid), machine: machineCpu() }

  // What the approver's page showed (read before the clock starts).
  const seen = alertFingerprint((await db.select().from(alerts).where(eq(alerts.id, alertId)))[0]!)
  const approvedAt = Date.now()
  const outcome = await publishAlert(approver, alertId, { seen }, { ip: null })
  const committedAt = Date.now()
  if (outcome.state !== 'active') throw new Error(`approval did not publish: ${JSON.stringify(outcome)}`)
  log(`approved: ${outcome.recipients} recipients, transaction ${committedAt - approvedAt} ms (notify + inbox rows + job)`)

  let sinkState = await sinkCount()
  let lastPrint = Date.now()
  const deadline = Date.now() + Number(values.timeout) * 1000
  while (sinkState.count < devices && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
    sinkState = await sinkCount()
    if (Date.now() - lastPrint > 5_000) {
      lastPrint = Date.now()
      log(`  … ${sinkState.count} received after ${s(Date.now() - approvedAt)}`)
    }
  }
  const finishedAt = Date.now()
  const cpu1 = { server: cpuSeconds(server.pid), worker: cpuSeconds(worker?.pid), sink: cpuSeconds(sink.pid), machine: machineCpu() }
  await new Promise((r) => setTimeout(r, 1_000))
  load.kill('SIGTERM')
  await loadDone

  // Wait for the database's own account of the fan-out.
  let state: { state: string; total: number; sent: number; gone: number; failed: number } | undefined
  for (let i = 0; i < 100; i++) {
    ;[state] = await db
      .select({ state: notifications.state, total: notifications.total, sent: notifications.sent, gone: notifications.gone, failed: notifications.failed })
      .from(notifications)
      .where(eq(notifications.sourceId, alertId))
    if (state?.state === 'done') break
    await new Promise((r) => setTimeout(r, 200))
  }

  const lastAt = sinkState.lastAt ?? finishedAt
  const fanoutMs = lastAt - approvedAt
  const firstMs = (sinkState.firstAt ?? lastAt) - approvedAt
  const delivered = sinkState.statuses['201'] ?? 0
  log('')
  log(`fan-out of a red alert to ${devices} devices (${mode}):`)
  log(`  first delivery after     ${s(firstMs)}`)
  if (sinkState.count < devices) log(`  NOT FINISHED: only ${sinkState.count} of ${devices} received after ${s(finishedAt - approvedAt)} (--timeout)`)
  else log(`  LAST delivery after      ${s(fanoutMs)}   (target < 30 s)`)
  log(`  deliveries/s             ${Math.round(delivered / (fanoutMs / 1000))}`)
  log(`  sink received            ${sinkState.count} requests ${JSON.stringify(sinkState.statuses)}`)
  log(`  settled in the database  ${state ? `${state.state}: sent ${state.sent}, gone ${state.gone}, failed ${state.failed} of ${state.total}` : 'unknown'}`)
  log(`  failures                 ${(state?.failed ?? 0) + (sinkState.count - delivered)}`)

  const result = JSON.parse(loadOutput.trim().split('\n').pop() || '{"paths":{}}') as { paths: Record<string, { samples: Array<[number, number, number]> }> }
  const loadStart = approvedAt - beforeSeconds * 1000
  log('')
  log(`open-loop load, ${rate} req/s per path (latency from when each request was due):`)
  for (const [p, { samples }] of Object.entries(result.paths)) {
    log(`  ${p.padEnd(17)} before   ${summarize(samples, loadStart, approvedAt)}`)
    log(`  ${''.padEnd(17)} during   ${summarize(samples, approvedAt, lastAt)}   (target p99 < 100 ms)`)
  }
  const wall = (finishedAt - approvedAt) / 1000
  const busy = cpu1.machine.busy - cpuLoadOnly.machine.busy
  const totalCpu = cpu1.machine.total - cpuLoadOnly.machine.total
  log('')
  log(`CPU during the fan-out (${wall.toFixed(1)} s of wall time, ${(totalCpu / wall).toFixed(1)} cores):`)
  log(`  machine busy             ${busy.toFixed(1)} s (${((100 * busy) / Math.max(totalCpu, 0.01)).toFixed(0)} %)`)
  log(`  web server (next start)  ${(cpu1.server - cpuLoadOnly.server).toFixed(1)} s   (serving load alone before: ${((cpuLoadOnly.server - cpu0.server) / beforeSeconds).toFixed(2)} cores)`)
  if (worker) log(`  worker                   ${(cpu1.worker - cpu0.worker).toFixed(1)} s`)
  log(`  push sink                ${(cpu1.sink - cpu0.sink).toFixed(1)} s`)
  log(`  load average             ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`)
  await control.close()
  const { stopJobs } = await import('../lib/jobs/boss')
  await stopJobs()
  await database.close()
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)))
  for (const child of [...children].reverse()) if (child.exitCode === null) child.kill('SIGTERM')
  await Promise.race([Promise.all(children.map(exited)), new Promise((r) => setTimeout(r, 5_000))])
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  if (!values['keep-db']) await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error(e))
  await admin.end()
}
process.exit(exitCode)
