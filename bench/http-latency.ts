/**
 * Latency of the pages every citizen hits, under concurrent load, against a production build.
 * Starts `next start` on a throwaway embedded database (or uses BENCH_URL when given) and
 * prints requests per second and p50/p95/p99 per path. Run `npm run build` first.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const paths = ['/', '/uffici', '/api/health']
const concurrency = Number(process.argv[2] ?? 20)
const seconds = Number(process.argv[3] ?? 10)

async function waitFor(url: string, timeoutMs = 60_000) {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function measure(base: string, target: string) {
  const latencies: number[] = []
  let errors = 0
  const deadline = Date.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now()
        try {
          const response = await fetch(base + target)
          await response.arrayBuffer()
          if (!response.ok) errors++
        } catch {
          errors++
        }
        latencies.push(performance.now() - t0)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(1).padStart(7)
  console.log(
    `${target.padEnd(12)} ${String(Math.round(latencies.length / seconds)).padStart(6)} req/s  p50 ${f(percentile(latencies, 50))} ms  p95 ${f(percentile(latencies, 95))} ms  p99 ${f(percentile(latencies, 99))} ms  errors ${errors}`,
  )
}

let server: ReturnType<typeof spawn> | undefined
let base = process.env.BENCH_URL
if (!base) {
  const port = 3900
  base = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(path.join(tmpdir(), 'filo-bench-'))
  server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: { ...process.env, FILO_DATA_DIR: dataDir, FILO_PUBLIC_URL: base, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
try {
  await waitFor(`${base}/api/health`)
  for (const target of paths) await fetch(base + target) // warm up
  console.log(`HTTP latency: ${concurrency} concurrent clients, ${seconds} s per path, ${base}`)
  for (const target of paths) await measure(base, target)
} finally {
  server?.kill('SIGTERM')
}
