import { describe, expect, it } from 'vitest'
import { signCitizenId, verifyCitizenCookie } from './citizen-cookie'

const secret = 'a-test-secret-that-is-long-enough-123'
const id = '3f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f'

describe('citizen cookie', () => {
  it('round-trips a signed citizen id', () => {
    expect(verifyCitizenCookie(secret, signCitizenId(secret, id))).toBe(id)
  })

  it('rejects a forged, altered or foreign cookie', () => {
    const signed = signCitizenId(secret, id)
    expect(verifyCitizenCookie(secret, signed.replace(id, '3f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e60'))).toBeNull()
    expect(verifyCitizenCookie('another-secret-that-is-long-enough-456', signed)).toBeNull()
    expect(verifyCitizenCookie(secret, `${id}.`)).toBeNull()
    expect(verifyCitizenCookie(secret, 'nonsense')).toBeNull()
    expect(verifyCitizenCookie(secret, undefined)).toBeNull()
  })
})
