import { createECDH, createPrivateKey, sign, type KeyObject } from 'node:crypto'

/** The application server's identity (RFC 8292), keys as web-push's generateVAPIDKeys gives them. */
export type VapidCredentials = {
  /** base64url uncompressed P-256 point (65 bytes). */
  publicKey: string
  /** base64url P-256 private scalar (32 bytes). */
  privateKey: string
  /** mailto: or https: contact for the push service's operators. */
  subject: string
}

export type VapidTokenCacheOptions = {
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number
  /** How far ahead `exp` is set. RFC 8292 §2 caps it at 24 h. */
  lifetimeSeconds?: number
  /** A token this close to `exp` is replaced, so none expires while a request is in flight. */
  renewBeforeSeconds?: number
}

const MAX_LIFETIME_SECONDS = 24 * 60 * 60
const JWT_HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url')

/**
 * Authorization headers (`vapid t=<jwt>, k=<key>`) per push-service origin.
 *
 * The token names only the audience, expiry and contact, never the message, so one per
 * push service serves every message until it nears expiry. Signing once per origin
 * instead of once per message is most of what makes PushSender faster than stock
 * web-push; it also honours Apple's "don't refresh your JWT more than once per hour".
 */
export class VapidTokenCache {
  readonly #key: KeyObject
  readonly #publicKey: string
  readonly #subject: string
  readonly #now: () => number
  readonly #lifetime: number
  readonly #renewBefore: number
  readonly #byOrigin = new Map<string, { header: string; exp: number }>()

  constructor(vapid: VapidCredentials, options: VapidTokenCacheOptions = {}) {
    this.#now = options.now ?? Date.now
    this.#lifetime = options.lifetimeSeconds ?? 12 * 60 * 60
    this.#renewBefore = options.renewBeforeSeconds ?? 60 * 60
    if (!(this.#lifetime > this.#renewBefore && this.#lifetime <= MAX_LIFETIME_SECONDS && this.#renewBefore >= 0)) {
      throw new RangeError('VAPID token lifetime must be at most 24 h and longer than the renewal margin')
    }
    this.#subject = checkSubject(vapid.subject)
    this.#key = importKeyPair(vapid.publicKey, vapid.privateKey)
    // Re-encoded so padding or the standard base64 alphabet in configuration never reaches k=.
    this.#publicKey = Buffer.from(vapid.publicKey, 'base64url').toString('base64url')
  }

  /** The Authorization header for a request to `origin` (scheme://host[:port] of the endpoint). */
  authorization(origin: string): string {
    const nowSeconds = Math.floor(this.#now() / 1000)
    const cached = this.#byOrigin.get(origin)
    if (cached && nowSeconds < cached.exp - this.#renewBefore) return cached.header

    const exp = nowSeconds + this.#lifetime
    const claims = Buffer.from(JSON.stringify({ aud: origin, exp, sub: this.#subject })).toString('base64url')
    const signingInput = `${JWT_HEADER}.${claims}`
    // JWS ES256 wants the raw r ‖ s signature, not DER (RFC 7518 §3.4).
    const signature = sign('sha256', Buffer.from(signingInput), { key: this.#key, dsaEncoding: 'ieee-p1363' })
    const header = `vapid t=${signingInput}.${signature.toString('base64url')}, k=${this.#publicKey}`
    this.#byOrigin.set(origin, { header, exp })
    return header
  }
}

function checkSubject(subject: string): string {
  let url: URL | null = null
  try {
    url = new URL(subject)
  } catch {
    // reported below
  }
  const ok = url !== null && ((url.protocol === 'mailto:' && url.pathname.includes('@')) || (url.protocol === 'https:' && url.hostname !== ''))
  // Apple answers 403 BadJwtToken to anything else (web-push issue #947).
  if (!ok) throw new Error(`VAPID subject must be a mailto: address or an https: URL, got "${subject}"`)
  return subject
}

function importKeyPair(publicKey: string, privateKey: string): KeyObject {
  const pub = Buffer.from(publicKey, 'base64url')
  const priv = Buffer.from(privateKey, 'base64url')
  if (pub.length !== 65 || pub[0] !== 0x04) throw new Error('VAPID public key must be a 65-byte uncompressed P-256 point (base64url)')
  if (priv.length !== 32) throw new Error('VAPID private key must be 32 bytes (base64url)')
  // A mismatched pair signs tokens the push service rejects with 401/403 for every message:
  // better to refuse at start.
  const derived = createECDH('prime256v1')
  derived.setPrivateKey(priv)
  if (!derived.getPublicKey().equals(pub)) throw new Error('VAPID public key does not belong to the private key')
  return createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: pub.subarray(1, 33).toString('base64url'),
      y: pub.subarray(33).toString('base64url'),
      d: priv.toString('base64url'),
    },
    format: 'jwk',
  })
}
