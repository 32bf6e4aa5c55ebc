/**
 * Open-loop HTTP load: requests start on a fixed schedule whatever the server does, and
 * each latency is measured from the moment the request was DUE, so a stalled server
 * shows up in the percentiles instead of silently slowing the generator down
 * ("coordinated omission"). Runs as its own process so the figures do not depend on the
 * event loop of whatever starts it.
 *
 *   tsx bench/load-gen.ts --base http://127.0.0.1:3510 --rate 200 --seconds 30 / /cap/alerts.atom
 *
 * Every path gets `rate` requests per second. Prints one JSON line on stdout at the end:
 * {"paths":{"/":{"samples":[[dueMs, latencyMs, status], ...]}}}; dueMs is Date.now() at
 * which the request was due. Stops early on SIGTERM (still printing what it has).
 */
import { parseArgs } from 'node:util'
import { Pool } from 'undici'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '128' },
    header: { type: 'string', multiple: true, default: [] },
  },
})
if (!values.base) throw new Error('--base is required')
const rate = Number(values.rate)
const seconds = Number(values.seconds)
const paths = positionals.length ? positionals : ['/']
const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }
for (const h of values.header ?? []) {
  const i = h.indexOf(':')
  if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim()
}

const pool = new Pool(values.base, { connections: Number(values.connections), keepAliveTimeout: 30_000, pipelining: 1 })
type Sample = [due: number, latency: number, status: number]
const samples = new Map<string, Sample[]>(paths.map((p) => [p, []]))
const inFlight = new Set<Promise<void>>()
const errorKinds = new Map<string, number>()

function fire(path: string, due: number, dueWall: number) {
  const p = (async () => {
    let status = 0
    try {
      const response = await pool.request({ path, method: 'GET', headers })
      status = response.statusCode
      await response.body.dump({ limit: 10 * 1024 * 1024 })
    } catch (error) {
      status = -1
      const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))
      errorKinds.set(code, (errorKinds.get(code) ?? 0) + 1)
    }
    samples.get(path)!.push([dueWall, performance.now() - due, status])
  })()
  inFlight.add(p)
  void p.finally(() => inFlight.delete(p))
}

let stopped = false
process.on('SIGTERM', () => (stopped = true))

const interval = 1000 / rate
const start = performance.now()
const startWall = Date.now()
const total = Math.floor(rate * seconds)
let issued = 0
while (!stopped && issued < total) {
  const elapsed = performance.now() - start
  // Every request whose time has come goes out now, each timed from when it was due.
  while (issued < total && issued * interval <= elapsed) {
    const dueOffset = issued * interval
    for (const path of paths) fire(path, start + dueOffset, startWall + dueOffset)
    issued++
  }
  await new Promise((r) => setTimeout(r, 1))
}
// Requests still unanswered 10 s after the end count as failed (status -2), not waited for.
await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 10_000))])
await pool.destroy().catch(() => {})
if (errorKinds.size) process.stderr.write(`load-gen errors: ${JSON.stringify(Object.fromEntries(errorKinds))}\n`)
// Exit only once the (large) line is written: a pipe may take it in several chunks.
process.stdout.write(`${JSON.stringify({ paths: Object.fromEntries([...samples].map(([p, s]) => [p, { samples: s }])) })}\n`, () => process.exit(0))
