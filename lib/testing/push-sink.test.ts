import { Agent as HttpsAgent } from 'node:https'
import { Agent, request } from 'undici'
import webpush from 'web-push'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { encryptPushPayload } from '../push/encrypt'
import { VapidTokenCache } from '../push/vapid-token'
import { startPushSink, type PushSink } from './push-sink'

// The sink is the yardstick for lib/push, so it is checked here against an independent
// implementation (stock web-push) and against requests a push service must refuse.

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }
let sink: PushSink
let dispatcher: Agent

beforeAll(async () => {
  sink = await startPushSink()
  dispatcher = new Agent({ connect: { ca: sink.ca } })
})

afterAll(async () => {
  await dispatcher?.close()
  await sink?.close()
})

beforeEach(() => sink.reset())

/** A hand-made push request, to send what PushSender never would. */
async function post(endpoint: string, headers: Record<string, string>, body: Buffer) {
  const response = await request(endpoint, { method: 'POST', headers, body, dispatcher })
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() }
}

function validRequest(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload = 'ciao') {
  const tokens = new VapidTokenCache(vapid)
  return {
    headers: { ttl: '60', 'content-encoding': 'aes128gcm', authorization: tokens.authorization(sink.origin) },
    body: encryptPushPayload(payload, subscription.keys),
  }
}

async function sendValid(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload?: string) {
  const { headers, body } = validRequest(subscription, payload)
  return post(subscription.endpoint, headers, body)
}

describe('push sink', () => {
  it('accepts and decrypts a message sent by stock web-push', async () => {
    const subscription = sink.newSubscription({ label: 'telefono di prova' })
    const agent = new HttpsAgent({ ca: sink.ca })
    try {
      const result = await webpush.sendNotification(subscription, 'Buongiorno dal Comune', {
        vapidDetails: vapid,
        TTL: 120,
        urgency: 'low',
        topic: 'notizie',
        agent,
      })
      expect(result.statusCode).toBe(201)
      expect(result.headers.location).toMatch(new RegExp(`^${sink.origin}/m/`))
    } finally {
      agent.destroy()
    }
    expect(sink.received(subscription.endpoint)).toMatchObject([
      {
        status: 201,
        label: 'telefono di prova',
        payload: 'Buongiorno dal Comune',
        headers: { ttl: '120', urgency: 'low', topic: 'notizie', contentEncoding: 'aes128gcm' },
        vapid: { valid: true, aud: sink.origin, sub: vapid.subject },
      },
    ])
  })

  it('answers 401 to a VAPID token for another audience, an expired one, or none', async () => {
    const subscription = sink.newSubscription()
    const { headers, body } = validRequest(subscription)
    const otherAudience = new VapidTokenCache(vapid).authorization('https://fcm.googleapis.com')
    const expired = new VapidTokenCache(vapid, { now: () => Date.now() - 13 * 60 * 60 * 1000 }).authorization(sink.origin)
    const { authorization: _, ...unsigned } = headers

    expect((await post(subscription.endpoint, { ...headers, authorization: otherAudience }, body)).status).toBe(401)
    expect((await post(subscription.endpoint, { ...headers, authorization: expired }, body)).status).toBe(401)
    expect((await post(subscription.endpoint, unsigned, body)).status).toBe(401)

    expect(sink.received().map((r) => r.vapid.error)).toEqual([
      expect.stringContaining('aud'),
      'expired',
      'no Authorization header',
    ])
  })

  it('answers 401 to a token whose signature does not match k', async () => {
    const subscription = sink.newSubscription()
    const { headers, body } = validRequest(subscription)
    const impostor = webpush.generateVAPIDKeys().publicKey
    const forged = headers.authorization.replace(/k=.*$/, `k=${impostor}`)

    expect((await post(subscription.endpoint, { ...headers, authorization: forged }, body)).status).toBe(401)
    expect(sink.received()[0]?.vapid).toMatchObject({ valid: false, error: 'signature does not verify with k' })
  })

  it('answers 400 without a TTL, 404 for an unknown subscription, 201 otherwise', async () => {
    const subscription = sink.newSubscription()
    const { headers, body } = validRequest(subscription)
    const { ttl: _, ...noTtl } = headers

    expect((await post(subscription.endpoint, noTtl, body)).status).toBe(400)
    expect((await post(`${sink.origin}/push/nobody`, headers, body)).status).toBe(404)
    const ok = await post(subscription.endpoint, headers, body)
    expect(ok.status).toBe(201)
    expect(ok.headers.ttl).toBe('60')
  })

  it('records a body it cannot decrypt, with the reason', async () => {
    const subscription = sink.newSubscription()
    const other = sink.newSubscription()
    const { headers } = validRequest(subscription)

    await post(subscription.endpoint, headers, encryptPushPayload('per un altro', other.keys))

    expect(sink.received()).toMatchObject([{ status: 201, payload: null, decryptError: expect.any(String) }])
  })

  it('applies a status behaviour the given number of times, an endpoint rule before the * rule', async () => {
    const a = sink.newSubscription()
    const b = sink.newSubscription()
    sink.behave('*', { status: 503 })
    sink.behave(a.endpoint, { status: 429, retryAfter: '3', times: 1 })

    const first = await sendValid(a)
    expect(first.status).toBe(429)
    expect(first.headers['retry-after']).toBe('3')
    expect((await sendValid(a)).status).toBe(503)
    expect((await sendValid(b)).status).toBe(503)

    sink.reset()
    expect((await sendValid(b)).status).toBe(201)
    expect(sink.count()).toBe(1)
  })

  it('waitFor resolves once enough requests arrived and rejects when they do not', async () => {
    const subscription = sink.newSubscription()
    const waiting = sink.waitFor(2, 5_000)
    await sendValid(subscription)
    await sendValid(subscription)
    await expect(waiting).resolves.toBeUndefined()
    await expect(sink.waitFor(3, 50)).rejects.toThrow('2 of 3')
  })

  it('hands out subscriptions and counts over its control routes, for other processes', async () => {
    const created = await request(`${sink.origin}/_sink/subscriptions`, { method: 'POST', body: JSON.stringify({ count: 3 }), dispatcher })
    const { subscriptions } = (await created.body.json()) as { subscriptions: Array<{ endpoint: string; keys: { p256dh: string; auth: string } }> }
    expect(subscriptions).toHaveLength(3)
    const [first] = subscriptions
    await sendValid(first!, 'da un altro processo')

    const counted = await request(`${sink.origin}/_sink/count`, { dispatcher })
    expect(await counted.body.json()).toMatchObject({ count: 1, statuses: { '201': 1 }, firstAt: expect.any(Number), lastAt: expect.any(Number) })
    expect(sink.received()[0]?.payload).toBe('da un altro processo')
  })
})
