import webpush from 'web-push'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPushSink, type PushSink } from '../testing/push-sink'
import { PushSender, pushOrigin, type PushMessage } from './push-sender'

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }
const message: PushMessage = { payload: JSON.stringify({ title: 'Allerta gialla', body: 'Vento forte' }), ttlSeconds: 600, urgency: 'normal' }

let sink: PushSink
let sender: PushSender

beforeAll(async () => {
  sink = await startPushSink()
  sender = new PushSender({ vapid, connect: { ca: sink.ca } })
})

afterAll(async () => {
  await sender?.close()
  await sink?.close()
})

beforeEach(() => sink.reset())

function target() {
  const s = sink.newSubscription()
  return { endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth }
}

describe('PushSender against the local push sink', () => {
  it('delivers an encrypted message with every header a push service expects', async () => {
    const t = target()
    const payload = JSON.stringify({ title: 'Chiusura scuole', body: 'Domani scuole chiuse per neve. Perché? Allerta arancione.' })

    const outcome = await sender.send(t, { payload, ttlSeconds: 3600, urgency: 'high', topic: 'allerta-2026-0001_A' })

    expect(outcome).toEqual({ kind: 'sent', status: 201 })
    const [received, ...more] = sink.received(t.endpoint)
    expect(more).toHaveLength(0)
    expect(received).toMatchObject({
      endpoint: t.endpoint,
      status: 201,
      payload,
      headers: {
        ttl: '3600',
        urgency: 'high',
        topic: 'allerta-2026-0001_A',
        contentEncoding: 'aes128gcm',
        contentType: 'application/octet-stream',
      },
      vapid: { valid: true, aud: sink.origin, sub: vapid.subject, publicKey: vapid.publicKey },
    })
    expect(received?.headers.authorization).toMatch(/^vapid t=.+, k=.+$/)
  })

  it('sends no Topic when the message has none, and reuses one VAPID token for the push service', async () => {
    const a = target()
    const b = target()

    await sender.send(a, message)
    await sender.send(b, { ...message, urgency: 'very-low', ttlSeconds: 0 })

    const [first, second] = sink.received()
    expect(first?.headers.topic).toBeNull()
    expect(second?.headers).toMatchObject({ urgency: 'very-low', ttl: '0', topic: null })
    expect(second?.headers.authorization).toBe(first?.headers.authorization)
  })

  it('keeps every message intact when many are in flight over few connections', async () => {
    const bounded = new PushSender({ vapid, connect: { ca: sink.ca }, maxConnectionsPerOrigin: 4 })
    const targets = Array.from({ length: 20 }, target)
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) => bounded.send(targets[i % targets.length]!, { ...message, payload: `messaggio ${i}` })),
      )
      expect(outcomes.every((o) => o.kind === 'sent')).toBe(true)
    } finally {
      await bounded.close()
    }
    const received = sink.received()
    expect(received).toHaveLength(200)
    expect(new Set(received.map((r) => r.payload)).size).toBe(200)
    for (const r of received) {
      const i = Number(r.payload?.split(' ')[1])
      expect(r.endpoint).toBe(targets[i % targets.length]!.endpoint)
    }
  })

  it('reports 410 and 404 as gone', async () => {
    const expired = target()
    sink.behave(expired.endpoint, { status: 410 })
    const unknown = { ...target(), endpoint: `${sink.origin}/push/never-subscribed` }

    expect(await sender.send(expired, message)).toEqual({ kind: 'gone', status: 410 })
    expect(await sender.send(unknown, message)).toEqual({ kind: 'gone', status: 404 })
  })

  it('asks to retry after the Retry-After of a 429, in seconds or as an HTTP date', async () => {
    const t = target()
    sink.behave(t.endpoint, { status: 429, retryAfter: '7', times: 1 })
    expect(await sender.send(t, message)).toMatchObject({ kind: 'retry', status: 429, retryAfterMs: 7000 })

    sink.behave(t.endpoint, { status: 429, retryAfter: new Date(Date.now() + 30_000).toUTCString(), times: 1 })
    const dated = await sender.send(t, message)
    expect(dated).toMatchObject({ kind: 'retry', status: 429 })
    expect(dated.kind === 'retry' && dated.retryAfterMs).toBeGreaterThan(25_000)
    expect(dated.kind === 'retry' && dated.retryAfterMs).toBeLessThanOrEqual(30_000)

    sink.behave(t.endpoint, { status: 429, times: 1 })
    const bare = await sender.send(t, message)
    expect(bare).toMatchObject({ kind: 'retry', status: 429 })
    expect(bare).not.toHaveProperty('retryAfterMs')

    expect(await sender.send(t, message)).toEqual({ kind: 'sent', status: 201 })
  })

  it('asks to retry after a 5xx, when it says so', async () => {
    const t = target()
    sink.behave(t.endpoint, { status: 500, times: 1 })
    expect(await sender.send(t, message)).toMatchObject({ kind: 'retry', status: 500 })
    sink.behave(t.endpoint, { status: 503, retryAfter: '120', times: 1 })
    expect(await sender.send(t, message)).toMatchObject({ kind: 'retry', status: 503, retryAfterMs: 120_000 })
    expect(await sender.send(t, message)).toEqual({ kind: 'sent', status: 201 })
  })

  it('asks to retry when the push service does not answer in time', async () => {
    const impatient = new PushSender({ vapid, connect: { ca: sink.ca }, requestTimeoutMs: 300 })
    const t = target()
    sink.behave(t.endpoint, { hang: true })
    try {
      const outcome = await impatient.send(t, message)
      expect(outcome).toMatchObject({ kind: 'retry', error: expect.stringMatching(/timeout/i) })
      expect(outcome).not.toHaveProperty('status')
      expect(sink.received(t.endpoint)).toMatchObject([{ status: null, payload: message.payload }])
    } finally {
      await impatient.close()
    }
  })

  it('still sends when the push service is slow but within the time limit', async () => {
    const t = target()
    sink.behave(t.endpoint, { delayMs: 50 })
    expect(await sender.send(t, message)).toEqual({ kind: 'sent', status: 201 })
  })

  it('reports 400, 401 and 403 as rejected with their status', async () => {
    for (const status of [400, 401, 403] as const) {
      const t = target()
      sink.behave(t.endpoint, { status })
      expect(await sender.send(t, message)).toMatchObject({ kind: 'rejected', status, error: expect.any(String) })
    }
  })

  it('is rejected with 403 by a subscription made for another application server key', async () => {
    const other = webpush.generateVAPIDKeys()
    const s = sink.newSubscription({ applicationServerKey: other.publicKey })

    const outcome = await sender.send({ endpoint: s.endpoint, ...s.keys }, message)

    expect(outcome).toMatchObject({ kind: 'rejected', status: 403, error: expect.stringContaining('applicationServerKey') })
  })

  it('reports 413 and other 4xx as rejected', async () => {
    const t = target()
    sink.behave(t.endpoint, { status: 413, times: 1 })
    expect(await sender.send(t, message)).toMatchObject({ kind: 'rejected', status: 413 })
    sink.behave(t.endpoint, { status: 422, times: 1 })
    expect(await sender.send(t, message)).toMatchObject({ kind: 'rejected', status: 422 })
  })

  it('refuses a payload over 4096 bytes encrypted without making a request', async () => {
    const t = target()

    const outcome = await sender.send(t, { ...message, payload: 'x'.repeat(3994) })

    expect(outcome).toMatchObject({ kind: 'rejected', status: 413, error: expect.stringContaining('4096') })
    expect(sink.count()).toBe(0)
    expect(await sender.send(t, { ...message, payload: 'x'.repeat(3993) })).toEqual({ kind: 'sent', status: 201 })
  })

  it('asks to retry when the connection is refused', async () => {
    const gone = await startPushSink()
    const subscription = gone.newSubscription()
    await gone.close()
    const s = new PushSender({ vapid, connect: { ca: gone.ca } })
    try {
      const outcome = await s.send({ endpoint: subscription.endpoint, ...subscription.keys }, message)
      expect(outcome).toMatchObject({ kind: 'retry', error: expect.stringContaining('ECONNREFUSED') })
    } finally {
      await s.close()
    }
  })

  it('trusts only the system CAs unless a CA is given, so the self-signed sink is refused', async () => {
    const production = new PushSender({ vapid })
    try {
      const outcome = await production.send(target(), message)
      expect(outcome).toMatchObject({ kind: 'retry', error: expect.stringMatching(/self[- ]signed|certificate/i) })
      expect(sink.count()).toBe(0)
    } finally {
      await production.close()
    }
  })

  it('refuses non-https endpoints and unusable keys without a request', async () => {
    const t = target()
    expect(await sender.send({ ...t, endpoint: t.endpoint.replace('https:', 'http:') }, message)).toMatchObject({ kind: 'rejected', status: 0 })
    expect(await sender.send({ ...t, endpoint: 'not a url' }, message)).toMatchObject({ kind: 'rejected', status: 0 })
    expect(await sender.send({ ...t, p256dh: 'AAAA' }, message)).toMatchObject({ kind: 'rejected', status: 0, error: expect.stringContaining('p256dh') })
    expect(sink.count()).toBe(0)
  })

  it('throws on a malformed topic, TTL or urgency: those are programming errors', async () => {
    const t = target()
    await expect(sender.send(t, { ...message, topic: 'a'.repeat(33) })).rejects.toThrow(/topic/)
    await expect(sender.send(t, { ...message, topic: 'not base64url!' })).rejects.toThrow(/topic/)
    await expect(sender.send(t, { ...message, ttlSeconds: -1 })).rejects.toThrow(/ttlSeconds/)
    await expect(sender.send(t, { ...message, urgency: 'urgent' as PushMessage['urgency'] })).rejects.toThrow(/urgency/)
    expect(sink.count()).toBe(0)
  })

  it('names the push service by scheme, host and port', () => {
    expect(pushOrigin('https://fcm.googleapis.com/fcm/send/abc:def')).toBe('https://fcm.googleapis.com')
    expect(pushOrigin('https://127.0.0.1:4400/push/x')).toBe('https://127.0.0.1:4400')
    expect(pushOrigin('https://web.push.apple.com:443/QX')).toBe('https://web.push.apple.com')
  })
})
