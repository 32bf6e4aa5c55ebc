/**
 * Reports benchmark, against a production build and a real PostgreSQL:
 *  1. report submission: throughput and p50/p99 latency with 50 concurrent clients, through
 *     `next start` (Open311 POST /open311/v2/requests.json: the citizen form is a server action
 *     and has no machine path yet);
 *  2. the staff triage list's first filtered page with 100,000 reports in the database: p99 of
 *     the page itself (GET /admin/segnalazioni through next start, signed in as staff), and of
 *     the lib calls it makes (listReportsForStaff + countReportsForStaff) for comparison.
 * BENCH_SERVER_CPU_PROF=dir writes CPU profiles of the server.
 * It creates and drops its own database. Run `npm run build` first, then `npm run bench:reports`.
 * Settings: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_PORT (3610), BENCH_SECONDS (20), BENCH_CONCURRENCY (50), BENCH_REPORTS (100000).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { Agent, fetch } from 'undici'
import { eq, sql } from 'drizzle-orm'
import { openDatabase, type Database, type Db } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { seedDemo } from '../db/seed'
import { DEMO_PASSWORD, demoStreets } from '../db/seed-data'
import { offices } from '../db/schema/comune'
import { open311Clients } from '../db/schema/open311'
import { categories, reports } from '../db/schema/reports'
import { staffUsers } from '../db/schema/staff'
import { hashApiKey, keyHint, newApiKey } from '../lib/open311/api-key'
import { useDatabase as installDatabase } from '../lib/db'
import { staffReportFilterSchema } from '../lib/reports/schemas'
import { countReportsForStaff, listReportsForStaff } from '../lib/reports/staff-reports'
import type { StaffActor } from '../lib/auth/actor'

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const port = Number(process.env.BENCH_PORT ?? 3610)
const seconds = Number(process.env.BENCH_SECONDS ?? 20)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50)
const bulkReports = Number(process.env.BENCH_REPORTS ?? 100_000)
const triageRuns = 200
/** For quicker runs while tuning: BENCH_ONLY=submit or BENCH_ONLY=triage. */
const only = process.env.BENCH_ONLY
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
const ms = (n: number) => `${n.toFixed(1)} ms`

async function waitFor(url: string, timeoutMs = 90_000) {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.')
  process.exit(1)
}

const dbName = `filo_bench_${randomBytes(5).toString('hex')}`
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${dbName}`)
const dbUrl = new URL(serverUrl)
dbUrl.pathname = `/${dbName}`
let database: Database | undefined
let server: ChildProcess | undefined

console.log(`Reports benchmark (PostgreSQL ${dbUrl.host}, throwaway database ${dbName}, next start on :${port})`)
const machine = () => `${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`
console.log(`Machine: ${machine()} (figures scale with what else runs here)`)
try {
  database = await openDatabase({ databaseUrl: dbUrl.toString(), dataDir: 'unused' })
  await migrateDatabase(database)
  await seedDemo(database.db)
  const db = database.db
  const apiKey = newApiKey()
  await db.insert(open311Clients).values({ name: 'Benchmark', keyHash: hashApiKey(apiKey), keyHint: keyHint(apiKey) })

  // 1. Submission through the running server.
  if (only !== 'triage') await benchSubmission(db, apiKey)
  if (only !== 'submit') await benchTriage(db, database)
} finally {
  server?.kill('SIGTERM')
  await database?.close().catch(() => {})
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {})
  await admin.end()
}

function startServer(base: string): Promise<void> {
  // BENCH_SERVER_CPU_PROF=dir writes a CPU profile of the server there (NODE_OPTIONS refuses --cpu-prof).
  const profile = process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_CPU_PROF}`] : []
  server = spawn(process.execPath, [...profile, path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      FILO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'filo-bench-reports-')),
      FILO_PUBLIC_URL: base,
      NEXTAUTH_URL: base,
      FILO_DEMO_SEED: 'never',
      FILO_OPEN311_POSTS_PER_MINUTE: '1000000',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return waitFor(`${base}/api/health`)
}

async function benchSubmission(db: Db, apiKey: string) {
  const base = `http://127.0.0.1:${port}`
  await startServer(base)
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 })
  const services = ['strade-viabilita', 'illuminazione-pubblica', 'igiene-urbana-rifiuti', 'arredo-urbano', 'parchi-verde']
  let sent = 0
  const submit = async () => {
    const street = demoStreets[sent % demoStreets.length]!
    const n = sent++
    const body = new URLSearchParams({
      api_key: apiKey,
      service_code: services[n % services.length]!,
      lat: (street.latitude + (Math.random() - 0.5) * 0.002).toFixed(6),
      long: (street.longitude + (Math.random() - 0.5) * 0.002).toFixed(6),
      address_string: street.name,
      description: `Segnalazione di prova numero ${n}: un problema da controllare vicino a ${street.name}.`,
      email: `bench${n}@example.org`,
    })
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      dispatcher: agent,
    })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`)
  }
  // Warm-up: compile paths, fill connection pools.
  for (let i = 0; i < 20; i++) await submit()
  await Promise.all(Array.from({ length: concurrency }, () => submit()))

  // The floor under any figure below: what the server spends on requests that do (almost) nothing.
  for (const probe of ['/api/health', '/open311/v2/services.json']) {
    const cpu0 = processCpuMs(server!.pid)
    const n = 1000
    let next = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < n) await (await fetch(`${base}${probe}`, { dispatcher: agent })).arrayBuffer()
      }),
    )
    console.log(`  for reference, GET ${probe}: ${((processCpuMs(server!.pid) - cpu0) / n).toFixed(2)} ms of server CPU per request`)
  }

  const cpuBefore = processCpuMs(server!.pid)
  const latencies: number[] = []
  let errors = 0
  let firstError = ''
  const started = performance.now()
  const deadline = Date.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now()
        try {
          await submit()
          latencies.push(performance.now() - t0)
        } catch (error) {
          errors++
          firstError ||= String(error)
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const serverCpu = processCpuMs(server!.pid) - cpuBefore
  latencies.sort((a, b) => a - b)
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(reports)
  server!.kill('SIGTERM')
  server = undefined
  await agent.close()
  console.log('')

  console.log(`Submission via Open311 POST /open311/v2/requests.json (form-urlencoded), ${concurrency} concurrent clients, ${seconds} s:`)
  console.log(`  ${(latencies.length / elapsed).toFixed(1)} reports/s   p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}   max ${ms(latencies.at(-1) ?? NaN)}   errors ${errors}${firstError ? ` (${firstError})` : ''}`)
  console.log(`  ${latencies.length} reports filed in the window, ${stored?.n ?? '?'} in the database. Target p99 < 300 ms: ${percentile(latencies, 99) < 300 ? 'met' : 'NOT met'}`)
  if (serverCpu >= 0) console.log(`  next start used ${(serverCpu / 1000).toFixed(1)} s of CPU in the window: ${(serverCpu / Math.max(1, latencies.length)).toFixed(1)} ms per report (one Node.js thread: at most ~${Math.floor(1000 / Math.max(0.1, serverCpu / Math.max(1, latencies.length)))} reports/s)`)
}

async function benchTriage(db: Db, database: Database) {
  // 2. The triage list with 100,000 reports.
  const t0 = performance.now()
  await bulkInsert(db, bulkReports)
  await db.execute(sql`analyze reports`)
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(reports)
  console.log('')
  console.log(`Inserted ${bulkReports} reports in bulk in ${((performance.now() - t0) / 1000).toFixed(1)} s (${total?.n} in the database).`)

  installDatabase(database)
  const [roads] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'strade-viabilita'))
  const [works] = await db.select({ id: offices.id }).from(offices).where(eq(offices.slug, 'lavori-pubblici'))
  const [operatorRow] = await db.select().from(staffUsers).where(eq(staffUsers.role, 'operator')).limit(1)
  const [officeRow] = await db.select().from(staffUsers).where(eq(staffUsers.role, 'office')).limit(1)
  const operator: StaffActor = { kind: 'staff', id: operatorRow!.id, email: operatorRow!.email, name: operatorRow!.name, role: 'operator', officeId: null }
  const officeActor: StaffActor = { kind: 'staff', id: officeRow!.id, email: officeRow!.email, name: officeRow!.name, role: 'office', officeId: officeRow!.officeId }
  // label, who, the page's query string (as the filter form writes it), the same filter for lib
  const runs: Array<[string, StaffActor, Record<string, string>]> = [
    ['open reports (the default view)', operator, {}],
    ['open, category Strade', operator, { categoria: String(roads!.id) }],
    ['new, office Lavori pubblici, priority high', operator, { stato: 'new', ufficio: String(works!.id), priorita: 'high' }],
    ['open and overdue', operator, { ritardo: '1' }],
    ['open, page 20', operator, { pagina: '20' }],
    ['office staff: their open reports', officeActor, {}],
  ]
  const filterOf = (q: Record<string, string>) =>
    staffReportFilterSchema.parse({ state: q.stato, categoryId: q.categoria, officeId: q.ufficio, priority: q.priorita, overdue: q.ritardo, page: q.pagina })

  console.log(`Triage list, lib (listReportsForStaff + countReportsForStaff, as the page calls them), ${triageRuns} sequential runs each:`)
  let worstLib = 0
  for (const [label, actor, query] of runs) {
    const filter = filterOf(query)
    const times: number[] = []
    let rows = 0
    let matching = 0
    for (let i = 0; i < triageRuns + 10; i++) {
      const s = performance.now()
      const [list, count] = await Promise.all([listReportsForStaff(actor, filter), countReportsForStaff(actor, filter)])
      rows = list.length
      matching = count
      if (i >= 10) times.push(performance.now() - s)
    }
    times.sort((a, b) => a - b)
    worstLib = Math.max(worstLib, percentile(times, 99))
    console.log(`  ${label.padEnd(44)} ${String(rows).padStart(3)} of ${String(matching).padStart(6)}   p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}`)
  }

  // The page itself, as staff get it: next start, signed in, server-rendered HTML.
  const base = `http://127.0.0.1:${port}`
  await startServer(base)
  const agent = new Agent({ connections: 2, keepAliveTimeout: 30_000 })
  const cookies = new Map<string, string>()
  for (const actor of [operator, officeActor]) cookies.set(actor.id, await signIn(base, actor.email, agent))
  console.log(`Triage page GET /admin/segnalazioni (next start, signed in), ${triageRuns} sequential runs each:`)
  let worstPage = 0
  for (const [label, actor, query] of runs) {
    const url = `${base}/admin/segnalazioni${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`
    const times: number[] = []
    let size = 0
    for (let i = 0; i < triageRuns + 10; i++) {
      const s = performance.now()
      const response = await fetch(url, { headers: { cookie: cookies.get(actor.id)! }, redirect: 'manual', dispatcher: agent })
      const html = await response.text()
      if (response.status !== 200 || !html.includes('segnalazion')) throw new Error(`${url}: HTTP ${response.status}`)
      size = html.length
      if (i >= 10) times.push(performance.now() - s)
    }
    times.sort((a, b) => a - b)
    worstPage = Math.max(worstPage, percentile(times, 99))
    console.log(`  ${label.padEnd(44)} ${(size / 1024).toFixed(0).padStart(4)} KB   p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}`)
  }
  server?.kill('SIGTERM')
  server = undefined
  await agent.close()
  console.log(`  Target p99 < 200 ms for the page: ${worstPage < 200 ? 'met' : 'NOT met'} (worst p99 ${ms(worstPage)}; lib alone ${ms(worstLib)})`)
  console.log(`Machine at the end: ${machine()}`)
}

/** A staff session cookie, through the same next-auth sign-in the form uses (demo password). */
async function signIn(base: string, email: string, agent: Agent): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (response: Awaited<ReturnType<typeof fetch>>) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair!.indexOf('=')
      jar.set(pair!.slice(0, i), pair!.slice(i + 1))
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrf = await fetch(`${base}/api/auth/csrf`, { dispatcher: agent })
  keep(csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}/admin`, json: 'true' }).toString(),
  })
  keep(response)
  await response.arrayBuffer()
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`)
  return header()
}

/** CPU time (user + system) of a process and its children so far, from /proc; -1 where unavailable. */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return -1
  try {
    const ticks = (id: number) => {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return Number(fields[11]) + Number(fields[12])
    }
    // `next start` runs the server in a child process: count the whole tree.
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    return ([pid, ...children].reduce((sum, id) => sum + ticks(id), 0) * 1000) / 100
  } catch {
    return -1
  }
}


/**
 * 100,000 reports over the last two years in one statement: every category and office, a
 * realistic mix of states (most closed, a fifth still open) and priorities.
 */
async function bulkInsert(db: Db, n: number) {
  await db.execute(sql`
    with cats as (select id, office_id, row_number() over (order by id) - 1 as k, count(*) over () as total from categories),
    gen as (select g, now() - (random() * interval '730 days') as created, random() as r, random() as p from generate_series(1, ${n}) g)
    insert into reports (public_code, category_id, office_id, source, title, description, latitude, longitude, address, state, status, priority, due_date, created_at, updated_at, closed_at)
    select 'SEG-B' || lpad(g::text, 7, '0'), c.id, c.office_id, 'app',
      'Segnalazione di carico ' || g, 'Descrizione della segnalazione di carico numero ' || g,
      43.46 + (random() - 0.5) * 0.02, 11.88 + (random() - 0.5) * 0.02, 'Via Roma ' || (g % 90 + 1),
      case when r < 0.08 then 'new' when r < 0.15 then 'in_progress' when r < 0.2 then 'waiting' else 'closed' end,
      case when r < 0.08 then 'received' when r < 0.15 then 'taken' when r < 0.2 then 'scheduled' else 'resolved' end,
      case when p < 0.05 then 'urgent' when p < 0.2 then 'high' when p < 0.9 then 'normal' else 'low' end,
      to_char(created + interval '14 days', 'YYYY-MM-DD'), created, created,
      case when r >= 0.2 then created + interval '5 days' end
    from gen join cats c on c.k = g % c.total
  `)
}
