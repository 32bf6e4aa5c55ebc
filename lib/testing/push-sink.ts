import { execFile } from 'node:child_process'
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type KeyObject } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

/**
 * A local stand-in for a Web Push service (FCM, Mozilla autopush, Apple...), for tests and
 * benchmarks: HTTPS with a throwaway self-signed certificate, subscriptions with real
 * browser-side keys, VAPID checked as RFC 8292 asks, bodies decrypted as the browser would.
 * Answers 201 by default; `behave` makes it answer like a push service in trouble.
 *
 * Bodies are kept and decrypted only when `received()` is called, so a benchmark pays for
 * TLS and HTTP on the sink side, not for the browser's share of the cryptography.
 */

export type SinkSubscription = { endpoint: string; keys: { p256dh: string; auth: string } }

export type VapidCheck = {
  valid: boolean
  aud: string | null
  sub: string | null
  exp: number | null
  /** The `k=` key, base64url. */
  publicKey: string | null
  /** Why it is not valid. */
  error?: string
}

export type SinkMessage = {
  endpoint: string
  /** The label given to newSubscription, if any. */
  label: string | null
  headers: {
    ttl: string | null
    urgency: string | null
    topic: string | null
    contentEncoding: string | null
    contentType: string | null
    authorization: string | null
  }
  vapid: VapidCheck
  /** The decrypted body, or null when it could not be decrypted (see decryptError). */
  payload: string | null
  decryptError?: string
  /** The status the sink answered; null while a `hang` holds the request. */
  status: number | null
  /** Date.now() when the body had arrived. */
  at: number
}

export type SinkBehaviour =
  /** Answer `status` (with Retry-After when given) to the next `times` requests, or to all. */
  | { status: number; times?: number; retryAfter?: string }
  /** Wait before handling each request normally. */
  | { delayMs: number }
  /** Read the request and never answer. */
  | { hang: true }

export type PushSink = {
  /** https://host:port, the `aud` every VAPID token for this sink must carry. */
  origin: string
  url: string
  /** The sink's self-signed certificate (PEM): trust it with a `ca` option... */
  ca: string
  /** ...or, in another process, with NODE_EXTRA_CA_CERTS=caFile. */
  caFile: string
  newSubscription(options?: { label?: string; applicationServerKey?: string }): SinkSubscription
  received(endpoint?: string): SinkMessage[]
  /** Requests received (whatever the answer), for all endpoints or one. */
  count(endpoint?: string): number
  waitFor(n: number, timeoutMs?: number): Promise<void>
  /** `endpoint` or '*' for all endpoints; an endpoint's own behaviour wins over '*'. */
  behave(endpointOrStar: string, behaviour: SinkBehaviour): void
  /** Forgets received messages and behaviours; subscriptions stay. */
  reset(): void
  close(): Promise<void>
}

type Subscription = {
  endpoint: string
  label: string | undefined
  privateKey: Buffer
  publicKey: Buffer
  auth: Buffer
  applicationServerKey: string | undefined
}

type Entry = {
  endpoint: string
  subscription: Subscription | undefined
  headers: SinkMessage['headers']
  vapid: VapidCheck
  body: Buffer
  status: number | null
  at: number
  decoded?: { payload: string | null; decryptError?: string }
}

type Rule = { behaviour: SinkBehaviour; remaining: number }

const PUSH_PATH = '/push/'
const CONTROL_PATH = '/_sink/'
const MAX_BODY_BYTES = 4096
const VALID_URGENCY = new Set(['very-low', 'low', 'normal', 'high'])
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/

export async function startPushSink(options: { port?: number; host?: string } = {}): Promise<PushSink> {
  const host = options.host ?? '127.0.0.1'
  const dir = await mkdtemp(path.join(tmpdir(), 'filo-push-sink-'))
  const { key, cert, certFile } = await selfSignedCertificate(dir)

  const subscriptions = new Map<string, Subscription>()
  let entries: Entry[] = []
  let rules = new Map<string, Rule>()
  let waiters: Array<{ n: number; resolve: () => void }> = []
  const timers = new Set<NodeJS.Timeout>()
  const vapidCache = new Map<string, ParsedVapid>()
  let messageSeq = 0
  let origin = ''

  const record = (entry: Entry) => {
    entries.push(entry)
    if (waiters.length === 0) return
    waiters = waiters.filter((w) => {
      if (entries.length < w.n) return true
      w.resolve()
      return false
    })
  }

  const ruleFor = (endpoint: string): SinkBehaviour | undefined => {
    const key = rules.has(endpoint) ? endpoint : rules.has('*') ? '*' : undefined
    if (key === undefined) return undefined
    const rule = rules.get(key)!
    if ('status' in rule.behaviour && --rule.remaining <= 0) rules.delete(key)
    return rule.behaviour
  }

  const answer = (res: ServerResponse, entry: Entry, status: number, reason: string, extra: Record<string, string> = {}) => {
    entry.status = status
    if (status === 201) {
      res.writeHead(status, { 'content-length': 0, ...extra })
      res.end()
      return
    }
    // Shaped like autopush's error bodies, which PushSender quotes in its outcome.
    const body = JSON.stringify({ code: status, reason })
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extra })
    res.end(body)
  }

  /** What a push service checks before accepting a message. */
  const accept = (res: ServerResponse, entry: Entry) => {
    const h = entry.headers
    if (!entry.subscription) return answer(res, entry, 404, 'no such subscription')
    if (!entry.vapid.valid) return answer(res, entry, 401, `invalid VAPID authorization: ${entry.vapid.error ?? ''}`)
    const restricted = entry.subscription.applicationServerKey
    if (restricted !== undefined && restricted !== entry.vapid.publicKey) {
      return answer(res, entry, 403, 'VAPID key differs from the applicationServerKey of the subscription')
    }
    if (h.ttl === null || !/^\d+$/.test(h.ttl)) return answer(res, entry, 400, 'missing or invalid TTL')
    if (h.contentEncoding !== 'aes128gcm') return answer(res, entry, 400, 'Content-Encoding must be aes128gcm')
    if (h.urgency !== null && !VALID_URGENCY.has(h.urgency)) return answer(res, entry, 400, 'invalid Urgency')
    if (h.topic !== null && !TOPIC.test(h.topic)) return answer(res, entry, 400, 'invalid Topic')
    if (entry.body.length > MAX_BODY_BYTES) return answer(res, entry, 413, 'payload too large')
    answer(res, entry, 201, '', { location: `${origin}/m/${++messageSeq}`, ttl: h.ttl })
  }

  const handlePush = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    const endpoint = origin + pathname
    const authorization = header(req, 'authorization')
    const entry: Entry = {
      endpoint,
      subscription: subscriptions.get(endpoint),
      headers: {
        ttl: header(req, 'ttl'),
        urgency: header(req, 'urgency'),
        topic: header(req, 'topic'),
        contentEncoding: header(req, 'content-encoding'),
        contentType: header(req, 'content-type'),
        authorization,
      },
      vapid: checkVapid(authorization, origin, Date.now(), vapidCache),
      body,
      status: null,
      at: Date.now(),
    }
    record(entry)
    if (req.method !== 'POST') return answer(res, entry, 405, 'POST only')

    const behaviour = ruleFor(endpoint)
    if (behaviour === undefined) return accept(res, entry)
    if ('hang' in behaviour) return
    if ('delayMs' in behaviour) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (!res.destroyed) accept(res, entry)
      }, behaviour.delayMs)
      timers.add(timer)
      return
    }
    answer(res, entry, behaviour.status, `behaviour: ${behaviour.status}`, behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter })
  }

  const newSubscription: PushSink['newSubscription'] = ({ label, applicationServerKey } = {}) => {
    const ecdh = createECDH('prime256v1')
    const publicKey = ecdh.generateKeys()
    const auth = randomBytes(16)
    const endpoint = `${origin}${PUSH_PATH}${randomBytes(16).toString('base64url')}`
    subscriptions.set(endpoint, { endpoint, label, privateKey: ecdh.getPrivateKey(), publicKey, auth, applicationServerKey })
    return { endpoint, keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } }
  }

  const count = (endpoint?: string) => (endpoint === undefined ? entries.length : entries.filter((e) => e.endpoint === endpoint).length)

  /** A few routes so a sink started by bench/push-sink-server.ts can be driven from another process. */
  const handleControl = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`
    const json = (status: number, value: unknown) => {
      const text = JSON.stringify(value)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    try {
      if (route === `POST ${CONTROL_PATH}subscriptions`) {
        const input = body.length ? (JSON.parse(body.toString('utf8')) as { count?: unknown; label?: unknown }) : {}
        const n = typeof input.count === 'number' && Number.isInteger(input.count) && input.count > 0 ? Math.min(input.count, 100_000) : 1
        const label = typeof input.label === 'string' ? input.label : undefined
        return json(200, { subscriptions: Array.from({ length: n }, () => newSubscription({ label })) })
      }
      if (route === `GET ${CONTROL_PATH}count`) {
        const statuses: Record<string, number> = {}
        let firstAt: number | null = null
        let lastAt: number | null = null
        for (const e of entries) {
          statuses[String(e.status)] = (statuses[String(e.status)] ?? 0) + 1
          if (firstAt === null || e.at < firstAt) firstAt = e.at
          if (lastAt === null || e.at > lastAt) lastAt = e.at
        }
        // firstAt / lastAt (Date.now() on arrival) let a benchmark time a fan-out from outside.
        return json(200, { count: entries.length, statuses, firstAt, lastAt })
      }
      if (route === `GET ${CONTROL_PATH}received`) {
        // Decrypted here, for browser journeys that read what a device would have shown.
        const endpoint = new URL(req.url ?? '', 'https://sink').searchParams.get('endpoint') ?? undefined
        return json(200, { messages: sink.received(endpoint) })
      }
      if (route === `POST ${CONTROL_PATH}reset`) {
        sink.reset()
        return json(200, { ok: true })
      }
      json(404, { error: 'unknown control route' })
    } catch (error) {
      json(400, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  const server = createServer({ key, cert, keepAliveTimeout: 65_000, requestTimeout: 0 }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      if (req.url?.startsWith(CONTROL_PATH)) handleControl(req, res, body)
      else handlePush(req, res, body)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  origin = `https://${host.includes(':') ? `[${host}]` : host}:${port}`

  const sink: PushSink = {
    origin,
    url: `${origin}/`,
    ca: cert,
    caFile: certFile,
    newSubscription,
    received(endpoint) {
      const chosen = endpoint === undefined ? entries : entries.filter((e) => e.endpoint === endpoint)
      return chosen.map((e) => {
        e.decoded ??= decode(e)
        return {
          endpoint: e.endpoint,
          label: e.subscription?.label ?? null,
          headers: { ...e.headers },
          vapid: { ...e.vapid },
          payload: e.decoded.payload,
          ...(e.decoded.decryptError === undefined ? {} : { decryptError: e.decoded.decryptError }),
          status: e.status,
          at: e.at,
        }
      })
    },
    count,
    waitFor(n, timeoutMs = 5_000) {
      if (entries.length >= n) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          n,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        }
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter)
          reject(new Error(`push sink: ${entries.length} of ${n} requests after ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.push(waiter)
      })
    },
    behave(endpointOrStar, behaviour) {
      rules.set(endpointOrStar, { behaviour, remaining: 'status' in behaviour ? (behaviour.times ?? Infinity) : Infinity })
    },
    reset() {
      entries = []
      rules = new Map()
      messageSeq = 0
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      // Hanging requests and idle kept-alive sockets would otherwise hold close() open.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(dir, { recursive: true, force: true })
    },
  }
  return sink
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
}

function decode(entry: Entry): { payload: string | null; decryptError?: string } {
  if (!entry.subscription) return { payload: null, decryptError: 'no such subscription' }
  try {
    return { payload: decryptPushBody(entry.body, entry.subscription).toString('utf8') }
  } catch (error) {
    return { payload: null, decryptError: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * The browser's half of RFC 8291: decrypts an aes128gcm body with the subscription's
 * private key and auth secret. Written apart from lib/push/encrypt.ts (and on hkdfSync
 * rather than hand-rolled HMACs) so the two cannot share a mistake.
 */
export function decryptPushBody(body: Buffer, keys: { privateKey: Buffer; auth: Buffer }): Buffer {
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header')
  const salt = body.subarray(0, 16)
  const rs = body.readUInt32BE(16)
  const idlen = body.readUInt8(20)
  if (idlen !== 65) throw new Error(`keyid must be the sender's 65-byte public key, got ${idlen} bytes`)
  const senderPublic = body.subarray(21, 21 + idlen)
  const ciphertext = body.subarray(21 + idlen)
  // RFC 8291 §4: a push message is a single record.
  if (ciphertext.length > rs) throw new Error(`more than one record (rs ${rs}, ${ciphertext.length} bytes)`)
  if (ciphertext.length < 17) throw new Error('record shorter than its tag')

  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(keys.privateKey)
  const receiverPublic = ecdh.getPublicKey()
  const shared = ecdh.computeSecret(senderPublic)
  const ikm = Buffer.from(hkdfSync('sha256', shared, keys.auth, Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublic, senderPublic]), 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  // RFC 8188 §2: content ‖ 0x02 ‖ zero or more 0x00 in the last record.
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0 || padded[end] !== 0x02) throw new Error('last record lacks its 0x02 padding delimiter')
  return padded.subarray(0, end)
}

type ParsedVapid = { aud: string | null; sub: string | null; exp: number | null; publicKey: string | null; error?: string }

const publicKeys = new Map<string, KeyObject>()
// DER prefix of a SubjectPublicKeyInfo holding an uncompressed P-256 point.
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex')

/**
 * RFC 8292 as a push service applies it: `vapid t=<jwt>, k=<key>`, the JWT signed ES256
 * with k, `aud` this service's origin, `exp` in the future and no more than 24 h away,
 * `sub` a mailto: or https: contact.
 */
export function verifyVapidAuthorization(authorization: string | null | undefined, options: { origin: string; now?: number }): VapidCheck {
  return checkVapid(authorization ?? null, options.origin, options.now ?? Date.now(), null)
}

function checkVapid(authorization: string | null, origin: string, now: number, cache: Map<string, ParsedVapid> | null): VapidCheck {
  if (authorization === null) return { valid: false, aud: null, sub: null, exp: null, publicKey: null, error: 'no Authorization header' }
  let parsed = cache?.get(authorization)
  if (parsed === undefined) {
    parsed = parseVapid(authorization)
    if (cache) {
      // Stock web-push signs a new token per message: keep the cache from growing without end.
      if (cache.size >= 10_000) cache.clear()
      cache.set(authorization, parsed)
    }
  }
  const { aud, sub, exp, publicKey } = parsed
  const invalid = (error: string): VapidCheck => ({ valid: false, aud, sub, exp, publicKey, error })
  if (parsed.error !== undefined) return invalid(parsed.error)
  if (aud !== origin) return invalid(`aud ${aud} is not ${origin}`)
  const nowSeconds = Math.floor(now / 1000)
  if (exp === null || exp <= nowSeconds) return invalid('expired')
  if (exp > nowSeconds + 24 * 60 * 60) return invalid('exp more than 24 h ahead')
  if (sub === null || !/^(mailto:.+@.+|https:\/\/.+)/.test(sub)) return invalid('sub must be a mailto: or https: contact')
  return { valid: true, aud, sub, exp, publicKey }
}

function parseVapid(authorization: string): ParsedVapid {
  const none: ParsedVapid = { aud: null, sub: null, exp: null, publicKey: null }
  const scheme = /^vapid\s+(.*)$/i.exec(authorization.trim())
  if (!scheme) return { ...none, error: 'Authorization scheme is not vapid' }
  const params = new Map<string, string>()
  for (const part of scheme[1]!.split(',')) {
    const eq = part.indexOf('=')
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim())
  }
  const token = params.get('t')
  const k = params.get('k')
  if (!token || !k) return { ...none, error: 'vapid needs t= and k=' }
  const [h, p, s] = token.split('.')
  if (h === undefined || p === undefined || s === undefined) return { ...none, publicKey: k, error: 't is not a JWS compact token' }

  let claims: { aud?: unknown; sub?: unknown; exp?: unknown }
  try {
    const jose = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown }
    if (jose.alg !== 'ES256') return { ...none, publicKey: k, error: `alg ${String(jose.alg)} is not ES256` }
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as typeof claims
  } catch {
    return { ...none, publicKey: k, error: 'JWT header or claims are not JSON' }
  }
  const found: ParsedVapid = {
    aud: typeof claims.aud === 'string' ? claims.aud : null,
    sub: typeof claims.sub === 'string' ? claims.sub : null,
    exp: typeof claims.exp === 'number' ? claims.exp : null,
    publicKey: k,
  }

  let key = publicKeys.get(k)
  if (key === undefined) {
    const raw = Buffer.from(k, 'base64url')
    if (raw.length !== 65 || raw[0] !== 0x04) return { ...found, error: 'k is not a 65-byte uncompressed P-256 point' }
    try {
      key = createPublicKey({ key: Buffer.concat([P256_SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
    } catch {
      return { ...found, error: 'k is not a point on P-256' }
    }
    if (publicKeys.size >= 1_000) publicKeys.clear()
    publicKeys.set(k, key)
  }
  const signature = Buffer.from(s, 'base64url')
  const ok = signature.length === 64 && verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, signature)
  return ok ? found : { ...found, error: 'signature does not verify with k' }
}

const run = promisify(execFile)

/** A P-256 certificate for 127.0.0.1 and localhost, valid two days, made by the openssl CLI. */
async function selfSignedCertificate(dir: string): Promise<{ key: string; cert: string; certFile: string }> {
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'ca.pem')
  try {
    // node:crypto can make keys but not X.509 certificates; openssl is on every CI image we use.
    await run('openssl', [
      'req', '-x509', '-nodes', '-days', '2',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-keyout', keyFile, '-out', certFile,
      '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ])
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT'
    throw new Error(
      missing
        ? 'push sink: the openssl command is needed to make its TLS certificate (apt-get install -y openssl)'
        : `push sink: openssl could not make a certificate: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')])
  return { key, cert, certFile }
}
