/**
 * Web Push sending throughput: stock web-push `sendNotification` against lib/push/push-sender.ts,
 * both to the local HTTPS push sink (no real push service is reachable from here).
 *
 *   tsx bench/push-sender.ts [--messages 20000] [--subscriptions 2000] [--concurrency 200] [--port 4400]
 *
 * The sink runs in this process; each sender runs in a child process of its own (so one's
 * warm-up cannot flatter the other), started with NODE_EXTRA_CA_CERTS so it trusts the sink
 * the way a production process trusts a real push service: PushSender gets no `ca` option.
 * After each run the sink's records are checked: every message arrived, answered 201,
 * carried a valid VAPID token, and a sample decrypts to what was sent.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import webpush from 'web-push'
import { PushSender } from '../lib/push/push-sender'
import type { VapidCredentials } from '../lib/push/vapid-token'
import { startPushSink, type PushSink, type SinkSubscription } from '../lib/testing/push-sink'

type Mode = 'web-push' | 'push-sender'
type Plan = {
  mode: Mode
  origin: string
  vapid: VapidCredentials
  subscriptions: SinkSubscription[]
  messages: number
  warmup: number
  concurrency: number
  maxConnectionsPerOrigin: number
}
type Result = { mode: Mode; messages: number; seconds: number; p50Ms: number; p99Ms: number; failures: number; firstFailure?: string }

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    subscriptions: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '200' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '4400' },
    child: { type: 'string' },
  },
})

const TTL_SECONDS = 600
/** A message as lib/notify/payload.ts builds it: ~300 bytes of JSON. */
const payloadFor = (i: number) =>
  JSON.stringify({
    id: `bench-${i}`,
    title: 'Allerta meteo arancione: vento forte',
    body: 'Dalle 14 di domani raffiche fino a 80 km/h. Evitate parchi e viali alberati, fissate gli oggetti sui balconi.',
    url: '/allerte/2026-0001',
    tag: 'allerta-2026-0001',
    kind: 'alert',
    urgency: 'high',
  })

if (values.child) await child(values.child)
else await parent()

async function parent() {
  const messages = positive('messages')
  const subscriptionCount = positive('subscriptions')
  const concurrency = positive('concurrency')
  const connections = positive('connections')
  const warmup = Math.min(1_000, messages)

  const sink = await startSinkNear(Number(values.port))
  const dir = await mkdtemp(path.join(tmpdir(), 'filo-bench-push-'))
  try {
    const subscriptions = Array.from({ length: subscriptionCount }, () => sink.newSubscription())
    const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }
    console.log(
      `Web Push sending: ${messages} messages to ${subscriptionCount} subscriptions (round robin), ${concurrency} in flight, ` +
        `${Buffer.byteLength(payloadFor(0))}-byte payload, after ${warmup} warm-up messages; sink ${sink.origin} (HTTPS, other process)`,
    )
    const results: Result[] = []
    for (const mode of ['web-push', 'push-sender'] as const) {
      sink.reset()
      const planFile = path.join(dir, `${mode}.json`)
      const plan: Plan = { mode, origin: sink.origin, vapid, subscriptions, messages, warmup, concurrency, maxConnectionsPerOrigin: connections }
      await writeFile(planFile, JSON.stringify(plan))
      const result = await runChild(planFile, sink.caFile)
      results.push(result)
      check(sink, result, warmup + messages)
    }

    const [stock, ours] = results as [Result, Result]
    const rate = (r: Result) => r.messages / r.seconds
    const row = (label: string, r: Result) =>
      console.log(
        `${label.padEnd(34)} ${String(Math.round(rate(r))).padStart(7)} msg/s   p50 ${r.p50Ms.toFixed(1).padStart(6)} ms   p99 ${r.p99Ms.toFixed(1).padStart(6)} ms   failures ${r.failures}`,
      )
    row('web-push 3.6.7 sendNotification', stock)
    row(`PushSender (${connections} connections/origin)`, ours)
    console.log(`speed-up: ${(rate(ours) / rate(stock)).toFixed(2)}x messages/s`)
  } finally {
    await sink.close()
    await rm(dir, { recursive: true, force: true })
  }
}

function positive(name: 'messages' | 'subscriptions' | 'concurrency' | 'connections'): number {
  const n = Number(values[name])
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${values[name]}`)
  return n
}

/** The requested port, or the next free one up to 4499 (the range this machine leaves to us). */
async function startSinkNear(port: number): Promise<PushSink> {
  for (let p = port; ; p++) {
    try {
      return await startPushSink({ port: p })
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EADDRINUSE' || p >= 4499) throw error
    }
  }
}

function runChild(planFile: string, caFile: string): Promise<Result> {
  const script = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, script, '--child', planFile], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    proc.on('error', reject)
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) reject(new Error(`benchmark child exited with ${code}: ${out}`))
      else resolve(JSON.parse(line.slice('RESULT '.length)) as Result)
    })
  })
}

/** The figures count only if the sink got every message, accepted, signed and decryptable. */
function check(sink: PushSink, result: Result, expected: number) {
  if (result.failures > 0) throw new Error(`${result.mode}: ${result.failures} sends failed, first: ${result.firstFailure}`)
  if (sink.count() !== expected) throw new Error(`${result.mode}: the sink received ${sink.count()} requests, expected ${expected}`)
  const received = sink.received()
  const step = Math.max(1, Math.floor(received.length / 200))
  for (let i = 0; i < received.length; i++) {
    const r = received[i]!
    if (r.status !== 201 || !r.vapid.valid) throw new Error(`${result.mode}: message answered ${r.status}, VAPID ${r.vapid.error ?? 'valid'}`)
    if (i % step === 0 && !(r.payload ?? '').startsWith('{"id":"bench-')) {
      throw new Error(`${result.mode}: a message did not decrypt: ${r.decryptError ?? r.payload}`)
    }
  }
}

async function child(planFile: string) {
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as Plan
  const subs = plan.subscriptions
  let send: (i: number) => Promise<string | null>
  let close = async () => {}

  if (plan.mode === 'web-push') {
    const options = { vapidDetails: plan.vapid, TTL: TTL_SECONDS, urgency: 'high' as const }
    send = async (i) => {
      try {
        await webpush.sendNotification(subs[i % subs.length]!, payloadFor(i), options)
        return null
      } catch (error) {
        return error instanceof Error ? error.message : String(error)
      }
    }
  } else {
    const sender = new PushSender({ vapid: plan.vapid, maxConnectionsPerOrigin: plan.maxConnectionsPerOrigin })
    send = async (i) => {
      const s = subs[i % subs.length]!
      const outcome = await sender.send({ endpoint: s.endpoint, ...s.keys }, { payload: payloadFor(i), ttlSeconds: TTL_SECONDS, urgency: 'high' })
      return outcome.kind === 'sent' ? null : JSON.stringify(outcome)
    }
    close = () => sender.close()
  }

  const runBatch = async (from: number, count: number, latencies: Float64Array | null) => {
    let next = 0
    let failures = 0
    let firstFailure: string | undefined
    await Promise.all(
      Array.from({ length: Math.min(plan.concurrency, count) }, async () => {
        for (let k = next++; k < count; k = next++) {
          const t0 = performance.now()
          const failure = await send(from + k)
          if (latencies) latencies[k] = performance.now() - t0
          if (failure !== null) {
            failures++
            firstFailure ??= failure
          }
        }
      }),
    )
    return { failures, firstFailure }
  }

  await runBatch(0, plan.warmup, null)
  const latencies = new Float64Array(plan.messages)
  const start = performance.now()
  const { failures, firstFailure } = await runBatch(plan.warmup, plan.messages, latencies)
  const seconds = (performance.now() - start) / 1000
  await close()

  latencies.sort()
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
  const result: Result = { mode: plan.mode, messages: plan.messages, seconds, p50Ms: at(0.5), p99Ms: at(0.99), failures, ...(firstFailure ? { firstFailure } : {}) }
  console.log(`RESULT ${JSON.stringify(result)}`)
}
