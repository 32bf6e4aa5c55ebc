import { createECDH, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptPushBody } from '../testing/push-sink'
import { MAX_BODY_BYTES, MAX_PLAINTEXT_BYTES, PushKeyError, encryptPushPayload, encryptWith, encryptedSize } from './encrypt'

const b64 = (s: string) => Buffer.from(s, 'base64url')

/** RFC 8291 Appendix A, every value copied from the RFC. */
const rfc = {
  plaintext: 'When I grow up, I want to be a watermelon',
  asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
  asPublic: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
  uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  salt: 'DGv6ra1nlYgDCS1FRnbzlw',
  auth: 'BTBZMqHH6r4Tts7J_aSIgg',
  body:
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_' +
    'yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
}

function browserKeys() {
  const ecdh = createECDH('prime256v1')
  const publicKey = ecdh.generateKeys()
  const auth = randomBytes(16)
  return {
    subscription: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
    secret: { privateKey: ecdh.getPrivateKey(), auth },
  }
}

describe('RFC 8291 aes128gcm encryption', () => {
  it('reproduces the RFC 8291 Appendix A message byte for byte', () => {
    const senderKeys = createECDH('prime256v1')
    senderKeys.setPrivateKey(b64(rfc.asPrivate))
    expect(senderKeys.getPublicKey().toString('base64url')).toBe(rfc.asPublic)

    const body = encryptWith({
      plaintext: Buffer.from(rfc.plaintext),
      uaPublicKey: b64(rfc.uaPublic),
      authSecret: b64(rfc.auth),
      senderKeys,
      salt: b64(rfc.salt),
    })

    expect(body.toString('base64url')).toBe(rfc.body)
  })

  it('the sink decrypts the RFC message with the user agent private key', () => {
    const plaintext = decryptPushBody(b64(rfc.body), { privateKey: b64(rfc.uaPrivate), auth: b64(rfc.auth) })
    expect(plaintext.toString('utf8')).toBe(rfc.plaintext)
  })

  it('round-trips a payload through the sink decryption with fresh keys and salt', () => {
    const { subscription, secret } = browserKeys()
    const payload = JSON.stringify({ title: 'Allerta arancione', body: 'Chiusura scuole: città, perché, €' })

    const body = encryptPushPayload(payload, subscription)

    expect(body.length).toBe(encryptedSize(Buffer.byteLength(payload)))
    expect(decryptPushBody(body, secret).toString('utf8')).toBe(payload)
  })

  it('uses a new sender key and salt for every message', () => {
    const { subscription } = browserKeys()
    const a = encryptPushPayload('same', subscription)
    const b = encryptPushPayload('same', subscription)
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false) // salt
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false) // sender public key
  })

  it('fits the largest allowed plaintext in exactly 4096 bytes', () => {
    const { subscription, secret } = browserKeys()
    expect(MAX_PLAINTEXT_BYTES).toBe(3993)
    const payload = 'a'.repeat(MAX_PLAINTEXT_BYTES)

    const body = encryptPushPayload(payload, subscription)

    expect(body.length).toBe(MAX_BODY_BYTES)
    expect(decryptPushBody(body, secret).toString('utf8')).toBe(payload)
  })

  it('a body altered in transit does not decrypt', () => {
    const { subscription, secret } = browserKeys()
    const body = encryptPushPayload('hello', subscription)
    body[body.length - 20]! ^= 1
    expect(() => decryptPushBody(body, secret)).toThrow()
  })

  it('refuses unusable subscription keys with PushKeyError', () => {
    const { subscription } = browserKeys()
    const notOnCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url')
    expect(() => encryptPushPayload('x', { ...subscription, p256dh: 'AAAA' })).toThrow(PushKeyError)
    expect(() => encryptPushPayload('x', { ...subscription, p256dh: notOnCurve })).toThrow(PushKeyError)
    expect(() => encryptPushPayload('x', { ...subscription, auth: 'AAAA' })).toThrow(PushKeyError)
  })
})
