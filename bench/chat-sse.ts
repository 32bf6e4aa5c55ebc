/**
 * Live chat under load: N citizens hold an SSE stream each on one `next start` process
 * against a real PostgreSQL, while staff send M messages per second to random chats from
 * another process (so every message travels by NOTIFY, as between two servers). Prints
 * send→receipt latency (p50/p99), messages lost or doubled, and server memory per stream.
 *
 *   npm run bench:chat -- [clients=1000] [perSecond=20] [seconds=30]
 * Needs DATABASE_URL (a PostgreSQL server; a throwaway database is created and dropped) and
 * a production build (`npx next build`). Port: BENCH_PORT (default 3310).
 */
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import postgres from 'postgres'
import { Agent, request } from 'undici'

const clients = Number(process.argv[2] ?? 1000)
const perSecond = Number(process.argv[3] ?? 20)
const seconds = Number(process.argv[4] ?? 30)
const port = Number(process.env.BENCH_PORT ?? 3310)
const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('bench:chat needs DATABASE_URL (a PostgreSQL server), e.g. postgres://postgres@127.0.0.1:5432/postgres')
  process.exit(1)
}
const secret = `bench-${randomBytes(24).toString('hex')}`
const dbName = `filo_bench_${randomBytes(5).toString('hex')}`
const dbUrl = (() => {
  const u = new URL(serverUrl)
  u.pathname = `/${dbName}`
  return u.toString()
})()

// The sending side uses Filo's own lib code, as a second server process would.
process.env.DATABASE_URL = dbUrl
process.env.AUTH_SECRET = secret
process.env.LOG_LEVEL = 'silent'

function rssKb(pid: number): number {
  // The server and any child it started.
  let total = 0
  const tree = new Set([pid])
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (tree.has(ppid)) tree.add(Number(entry))
    } catch {
      // process gone
    }
  }
  for (const p of tree) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))
      total += Number(m?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return total
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

async function main() {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${dbName}`)
  await admin.end()
  let server: ReturnType<typeof spawn> | undefined
  const { openDatabase } = await import('../db/client')
  const { migrateDatabase } = await import('../db/migrate')
  const { seedDemo } = await import('../db/seed')
  const database = await openDatabase({ databaseUrl: dbUrl, dataDir: 'unused' })
  try {
    await migrateDatabase(database)
    await seedDemo(database.db)
    const { signCitizenId } = await import('../lib/citizens/citizen-cookie')
    if (database.mode !== 'postgres') throw new Error('unreachable')
    const sql = database.sql
    const ids: string[] = Array.from({ length: clients }, () => randomUUID())
    await sql`insert into citizens ${sql(ids.map((id) => ({ id, privacy_version: '2026-01', privacy_acknowledged_at: new Date().toISOString() })))}`
    const conversationOf = new Map<string, string>()
    const rows = await sql<Array<{ id: string; citizen_id: string }>>`
      insert into conversations ${sql(ids.map((citizen_id) => ({ citizen_id, status: 'open', citizen_seen_at: new Date(Date.now() + 3_600_000).toISOString() })))}
      returning id, citizen_id`
    for (const r of rows) conversationOf.set(r.citizen_id, r.id)

    server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: dbUrl, AUTH_SECRET: secret, FILO_PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', FILO_DEMO_SEED: 'never' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; ; i++) {
      try {
        const r = await fetch(`${base}/api/health`)
        if (r.ok) break
      } catch {
        // not yet
      }
      if (i > 120) throw new Error('server did not start')
      await new Promise((r) => setTimeout(r, 500))
    }
    // Warm the route once so compilation-free start-up costs are not counted.
    await fetch(`${base}/api/chat/queue`).catch(() => {})
    await new Promise((r) => setTimeout(r, 1000))
    const rssBefore = rssKb(server.pid!)

    const agent = new Agent({ connections: null, keepAliveTimeout: 600_000, bodyTimeout: 0, headersTimeout: 60_000 })
    const received = new Map<number, number[]>() // messageId -> receive times
    const receivedBy = new Map<number, string>() // messageId -> conversation that received it
    let open = 0
    let failed = 0
    const bodies: Array<{ destroy(): void }> = []
    const connect = async (citizenId: string) => {
      const conversationId = conversationOf.get(citizenId)!
      const response = await request(`${base}/api/chat/stream`, {
        dispatcher: agent,
        headers: { cookie: `filo_citizen=${signCitizenId(secret, citizenId)}`, accept: 'text/event-stream' },
      })
      if (response.statusCode !== 200) {
        failed++
        await response.body.text().catch(() => {})
        return
      }
      open++
      bodies.push(response.body)
      let buffer = ''
      response.body.setEncoding('utf8')
      response.body.on('data', (chunk: string) => {
        const at = performance.now()
        buffer += chunk
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          for (const line of block.split('\n')) {
            if (!line.startsWith('data: ')) continue
            const event = JSON.parse(line.slice(6)) as { type: string; messageId?: number }
            if (event.type === 'message' && typeof event.messageId === 'number') {
              const list = received.get(event.messageId) ?? []
              list.push(at)
              received.set(event.messageId, list)
              receivedBy.set(event.messageId, conversationId)
            }
          }
        }
      })
      response.body.on('error', () => {})
    }
    const t0 = performance.now()
    for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => connect(id).catch(() => void failed++)))
    const connectSeconds = (performance.now() - t0) / 1000
    await new Promise((r) => setTimeout(r, 3000))
    const rssConnected = rssKb(server.pid!)

    // Staff, from this process: Filo's own sendStaffMessage, through a separate connection pool.
    const { sendStaffMessage } = await import('../lib/chat/send-staff-message')
    const { getDb } = await import('../lib/db')
    const db = await getDb()
    const { staffUsers } = await import('../db/schema/staff')
    const { eq } = await import('drizzle-orm')
    const [operator] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'urp@comune.esempio.it'))
    const actor = { kind: 'staff' as const, id: operator!.id, email: operator!.email, name: operator!.name, role: operator!.role, officeId: operator!.officeId }
    const sentAt = new Map<number, { at: number; committed: number; conversationId: string }>()
    const total = perSecond * seconds
    const targets = [...conversationOf.values()]
    const sends: Array<Promise<void>> = []
    const interval = 1000 / perSecond
    const start = performance.now()
    let sendErrors = 0
    for (let i = 0; i < total; i++) {
      const due = start + i * interval
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      const conversationId = targets[Math.floor(Math.random() * targets.length)]!
      const at = performance.now()
      sends.push(
        sendStaffMessage({ actor, conversationId, input: { clientId: randomUUID(), kind: 'text', body: `Messaggio di prova ${i}` } })
          .then((r) => void sentAt.set(r.messageId, { at, committed: performance.now(), conversationId }))
          .catch(() => void sendErrors++),
      )
    }
    await Promise.all(sends)
    await new Promise((r) => setTimeout(r, 3000))

    const latencies: number[] = []
    // From the commit's return to the sender: the fan-out alone (NOTIFY → LISTEN → SSE → client).
    const fanout: number[] = []
    let lost = 0
    let doubled = 0
    let wrong = 0
    for (const [messageId, sent] of sentAt) {
      const times = received.get(messageId)
      if (!times) {
        lost++
        continue
      }
      if (times.length > 1) doubled++
      if (receivedBy.get(messageId) !== sent.conversationId) wrong++
      latencies.push(times[0]! - sent.at)
      fanout.push(Math.max(0, times[0]! - sent.committed))
    }
    latencies.sort((a, b) => a - b)
    fanout.sort((a, b) => a - b)
    const perConnectionKb = (rssConnected - rssBefore) / Math.max(1, open)
    console.log(
      [
        '',
        `bench:chat — ${open} SSE clients on one next start (PostgreSQL), staff sending ${perSecond}/s for ${seconds}s from another process`,
        `  streams open:           ${open} (failed ${failed}), connected in ${connectSeconds.toFixed(1)} s`,
        `  messages sent:          ${sentAt.size} (send errors ${sendErrors})`,
        `  send → receipt p50:     ${percentile(latencies, 50).toFixed(1)} ms`,
        `  send → receipt p99:     ${percentile(latencies, 99).toFixed(1)} ms   (target < 100 ms)`,
        `  send → receipt max:     ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`,
        `  commit → receipt p50/p99: ${percentile(fanout, 50).toFixed(1)} / ${percentile(fanout, 99).toFixed(1)} ms (fan-out only)`,
        `  machine load (1 min):   ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${(await import('node:os')).cpus().length} cores`,
        `  messages lost:          ${lost}`,
        `  messages doubled:       ${doubled}`,
        `  delivered to wrong chat: ${wrong}`,
        `  server memory:          ${(rssBefore / 1024).toFixed(0)} MB idle → ${(rssConnected / 1024).toFixed(0)} MB with streams (${perConnectionKb.toFixed(1)} KB per connection)`,
        '',
      ].join('\n'),
    )
    for (const b of bodies) b.destroy()
    await agent.close().catch(() => {})
    const { getDatabase } = await import('../lib/db')
    await (await getDatabase()).close()
    if (lost > 0 || doubled > 0 || wrong > 0) process.exitCode = 1
  } finally {
    server?.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 1500))
    await database.close().catch(() => {})
    const admin2 = postgres(serverUrl!, { max: 1, onnotice: () => {} })
    await admin2.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {})
    await admin2.end()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
