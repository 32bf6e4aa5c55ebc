import webpush from 'web-push'
import { describe, expect, it } from 'vitest'
import { verifyVapidAuthorization } from '../testing/push-sink'
import { VapidTokenCache } from './vapid-token'

const keys = webpush.generateVAPIDKeys()
const vapid = { ...keys, subject: 'mailto:urp@comune.esempio.it' }
const fcm = 'https://fcm.googleapis.com'
const mozilla = 'https://updates.push.services.mozilla.com'
const HOUR = 60 * 60 * 1000

function claims(header: string): { aud: string; exp: number; sub: string } {
  const token = /t=([^,\s]+)/.exec(header)?.[1] ?? ''
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud: string; exp: number; sub: string }
}

function clock(start = Date.UTC(2026, 2, 1, 8, 0, 0)) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('VapidTokenCache', () => {
  it('signs a token that a push service accepts, expiring 12 h ahead', () => {
    const c = clock()
    const tokens = new VapidTokenCache(vapid, { now: c.now })

    const header = tokens.authorization(fcm)

    expect(header).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/)
    expect(header.endsWith(`k=${keys.publicKey}`)).toBe(true)
    const check = verifyVapidAuthorization(header, { origin: fcm, now: c.now() })
    expect(check).toMatchObject({ valid: true, aud: fcm, sub: vapid.subject, exp: c.now() / 1000 + 12 * 60 * 60 })
    expect(verifyVapidAuthorization(header, { origin: mozilla, now: c.now() }).valid).toBe(false)
  })

  it('reuses the token until it is within an hour of expiry, then signs a new one', () => {
    const c = clock()
    const tokens = new VapidTokenCache(vapid, { now: c.now })
    const first = tokens.authorization(fcm)

    c.advance(11 * HOUR - 1000)
    expect(tokens.authorization(fcm)).toBe(first)

    c.advance(1000)
    const renewed = tokens.authorization(fcm)
    expect(renewed).not.toBe(first)
    expect(claims(renewed).exp).toBe(claims(first).exp + 11 * 60 * 60)
    expect(verifyVapidAuthorization(renewed, { origin: fcm, now: c.now() }).valid).toBe(true)
    expect(tokens.authorization(fcm)).toBe(renewed)
  })

  it('keeps one token per push-service origin', () => {
    const c = clock()
    const tokens = new VapidTokenCache(vapid, { now: c.now })

    const a = tokens.authorization(fcm)
    const b = tokens.authorization(mozilla)

    expect(a).not.toBe(b)
    expect(claims(a).aud).toBe(fcm)
    expect(claims(b).aud).toBe(mozilla)
    expect(tokens.authorization(fcm)).toBe(a)
    expect(tokens.authorization(mozilla)).toBe(b)
  })

  it('refuses a contact that is not mailto: or https:', () => {
    expect(() => new VapidTokenCache({ ...keys, subject: 'urp@comune.esempio.it' })).toThrow(/mailto: address or an https: URL/)
    expect(() => new VapidTokenCache({ ...keys, subject: 'http://comune.esempio.it' })).toThrow(/mailto: address or an https: URL/)
    expect(() => new VapidTokenCache({ ...keys, subject: 'https://comune.esempio.it' })).not.toThrow()
  })

  it('refuses keys that do not belong together', () => {
    const other = webpush.generateVAPIDKeys()
    expect(() => new VapidTokenCache({ ...vapid, publicKey: other.publicKey })).toThrow(/does not belong/)
    expect(() => new VapidTokenCache({ ...vapid, privateKey: 'AAAA' })).toThrow(/32 bytes/)
  })
})
