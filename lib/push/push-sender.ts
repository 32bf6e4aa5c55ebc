import { STATUS_CODES } from 'node:http'
import { Agent } from 'undici'
import { MAX_BODY_BYTES, PushKeyError, encryptPushPayload, encryptedSize } from './encrypt'
import { pushOriginOf } from './push-origin'
import { VapidTokenCache, type VapidCredentials } from './vapid-token'

/** RFC 8030 §5.3. */
export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high'

export type PushTarget = { endpoint: string; p256dh: string; auth: string }

export type PushMessage = {
  payload: string
  /** Seconds the push service may keep the message for an offline device (RFC 8030 §5.2). */
  ttlSeconds: number
  urgency: PushUrgency
  /** Replaces an undelivered message with the same topic (RFC 8030 §5.4): ≤ 32 base64url characters. */
  topic?: string
}

/**
 * What a push service said about one message, in the terms the caller acts on:
 * - sent: accepted (2xx);
 * - gone: the subscription no longer exists (404/410): delete it, never retry;
 * - retry: try later (429, 408, 5xx, timeouts, network failures), after `retryAfterMs` when the service
 *   said so in Retry-After;
 * - rejected: retrying will not help. 400/401/403 mean our requests or VAPID identity are wrong for that
 *   push service; status 0 means the request was never made (not an https: endpoint, unusable keys);
 *   413 without a request means the payload is too large to encrypt into 4096 bytes.
 */
export type PushOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'gone'; status: 404 | 410 }
  | { kind: 'retry'; status?: number; retryAfterMs?: number; error: string }
  | { kind: 'rejected'; status: number; error: string }

export type PushSenderOptions = {
  vapid: VapidCredentials
  /** Connections kept open to one push service; requests beyond this wait for a free one. */
  maxConnectionsPerOrigin?: number
  /** Limit for connecting, for the response headers, and for each pause in the response body. */
  requestTimeoutMs?: number
  /**
   * TLS trust for tests that talk to the local push sink (lib/testing/push-sink.ts). `ca`
   * replaces the system CAs, so production leaves this unset.
   */
  connect?: { ca?: string | Buffer }
  /** Clock for VAPID token expiry; injected by tests. */
  now?: () => number
}

/** scheme://host[:port] of a push endpoint: the unit of connection pooling, pacing and VAPID audience. */
export const pushOrigin: (endpoint: string) => string = pushOriginOf

const URGENCIES: ReadonlySet<string> = new Set<PushUrgency>(['very-low', 'low', 'normal', 'high'])
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/
/** Enough of an error body to explain a rejection in the delivery log. */
const ERROR_SNIPPET_BYTES = 300
/** Past this an error body is abandoned (and its connection with it) rather than read to the end. */
const ERROR_BODY_LIMIT = 64 * 1024

/**
 * Sends Web Push messages (RFC 8030, 8291, 8292) over kept-alive HTTP/1.1 connections, one
 * bounded pool per push service, with the VAPID token signed once per push service and
 * reused. Network trouble comes back as an outcome, never as an exception; only misuse
 * (a malformed topic, TTL or urgency, sending after close) throws.
 */
export class PushSender {
  readonly #agent: Agent
  readonly #tokens: VapidTokenCache
  #closed = false

  constructor(options: PushSenderOptions) {
    const timeout = options.requestTimeoutMs ?? 10_000
    const connections = options.maxConnectionsPerOrigin ?? 32
    if (!(Number.isInteger(connections) && connections > 0)) throw new RangeError('maxConnectionsPerOrigin must be a positive integer')
    if (!(timeout > 0)) throw new RangeError('requestTimeoutMs must be positive')
    this.#tokens = new VapidTokenCache(options.vapid, options.now ? { now: options.now } : {})
    this.#agent = new Agent({
      connections,
      // Push services keep connections for minutes; a fan-out reuses them across batches.
      keepAliveTimeout: 60_000,
      keepAliveMaxTimeout: 10 * 60_000,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: { timeout, ...(options.connect?.ca === undefined ? {} : { ca: options.connect.ca }) },
    })
  }

  async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
    if (this.#closed) throw new Error('PushSender.send called after close()')
    checkMessage(message)

    let url: URL
    try {
      url = new URL(target.endpoint)
    } catch {
      return { kind: 'rejected', status: 0, error: 'endpoint is not a URL' }
    }
    // RFC 8030 §8: push messages travel only over TLS; an http: endpoint is bogus or hostile.
    if (url.protocol !== 'https:') return { kind: 'rejected', status: 0, error: `endpoint must be https:, got ${url.protocol}` }

    const plaintext = Buffer.from(message.payload, 'utf8')
    const size = encryptedSize(plaintext.length)
    if (size > MAX_BODY_BYTES) {
      return { kind: 'rejected', status: 413, error: `payload too large: ${size} bytes once encrypted, limit ${MAX_BODY_BYTES} (not sent)` }
    }
    let body: Buffer
    try {
      body = encryptPushPayload(plaintext, target)
    } catch (error) {
      if (error instanceof PushKeyError) return { kind: 'rejected', status: 0, error: error.message }
      throw error
    }

    const headers: Record<string, string> = {
      ttl: String(message.ttlSeconds),
      urgency: message.urgency,
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      authorization: this.#tokens.authorization(url.origin),
    }
    if (message.topic !== undefined) headers.topic = message.topic

    let response: Awaited<ReturnType<Agent['request']>>
    try {
      response = await this.#agent.request({ origin: url.origin, path: url.pathname + url.search, method: 'POST', headers, body })
    } catch (error) {
      return { kind: 'retry', error: describeError(error) }
    }

    const status = response.statusCode
    if (status >= 200 && status < 300) {
      // The message is accepted once the status arrives; a broken body after it changes nothing.
      await response.body.dump().catch(() => {})
      return { kind: 'sent', status }
    }
    const detail = (await readSnippet(response.body)) || STATUS_CODES[status] || 'unexpected status'
    if (status === 404 || status === 410) return { kind: 'gone', status }
    // 408 is the server giving up on a slow request: as transient as a 5xx. A 503 may say
    // when to come back (RFC 9110 §10.2.3) as a 429 does.
    if (status === 429 || status >= 500 || status === 408) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now())
      return retryAfterMs === undefined ? { kind: 'retry', status, error: detail } : { kind: 'retry', status, retryAfterMs, error: detail }
    }
    return { kind: 'rejected', status, error: detail }
  }

  /** Closes the kept-alive connections once requests in flight have finished. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#agent.close()
  }
}

function checkMessage(message: PushMessage): void {
  if (!Number.isInteger(message.ttlSeconds) || message.ttlSeconds < 0) {
    throw new RangeError(`ttlSeconds must be a non-negative integer, got ${message.ttlSeconds}`)
  }
  if (!URGENCIES.has(message.urgency)) throw new RangeError(`urgency must be very-low, low, normal or high, got ${message.urgency}`)
  if (message.topic !== undefined && !TOPIC.test(message.topic)) {
    throw new RangeError(`topic must be 1 to 32 characters of the base64url alphabet, got "${message.topic}"`)
  }
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!raw) return undefined
  if (/^\d+$/.test(raw)) return Number(raw) * 1000
  const at = Date.parse(raw)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

async function readSnippet(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const kept: Buffer[] = []
  let keptBytes = 0
  let total = 0
  try {
    for await (const chunk of body) {
      total += chunk.length
      if (keptBytes < ERROR_SNIPPET_BYTES) {
        kept.push(chunk)
        keptBytes += chunk.length
      }
      if (total > ERROR_BODY_LIMIT) {
        body.destroy()
        break
      }
    }
  } catch {
    // The status already says what happened; the body was only for the log.
  }
  return Buffer.concat(kept).toString('utf8').slice(0, ERROR_SNIPPET_BYTES).replace(/\s+/g, ' ').trim()
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  // Connecting to a host with several addresses fails with an AggregateError of each attempt.
  const first = error instanceof AggregateError && error.errors[0] instanceof Error ? error.errors[0] : error
  const code = (first as { code?: unknown }).code
  const message = first.message || error.message || first.name
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message
}
