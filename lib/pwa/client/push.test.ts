import { describe, expect, it } from 'vitest'
import { PushSubscribeError, isPushSubscribeError, urlBase64ToUint8Array } from './push'

describe('urlBase64ToUint8Array', () => {
  it('decodes a VAPID public key (65 bytes, uncompressed P-256 point)', () => {
    const key =
      'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
    const bytes = urlBase64ToUint8Array(key)
    expect(bytes).toHaveLength(65)
    expect(bytes[0]).toBe(0x04)
    expect(Buffer.from(bytes).toString('base64url')).toBe(key)
  })

  it('accepts padding-free input of any length', () => {
    expect(Array.from(urlBase64ToUint8Array('AQ'))).toEqual([1])
    expect(Array.from(urlBase64ToUint8Array('_-8'))).toEqual([0xff, 0xef])
  })
})

describe('PushSubscribeError', () => {
  it('carries a code the settings page can switch on', () => {
    const error = new PushSubscribeError('timeout', 'slow')
    expect(isPushSubscribeError(error)).toBe(true)
    expect(error.code).toBe('timeout')
    expect(error).toBeInstanceOf(Error)
    expect(isPushSubscribeError(new Error('x'))).toBe(false)
  })
})
