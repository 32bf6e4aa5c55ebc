import { createHmac, timingSafeEqual } from 'node:crypto'

export const CITIZEN_COOKIE = 'filo_citizen'
/** Two years: the device stays bound until the citizen erases their data. */
export const CITIZEN_COOKIE_MAX_AGE = 2 * 365 * 24 * 60 * 60

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function mac(secret: string, citizenId: string): string {
  return createHmac('sha256', secret).update(`citizen:${citizenId}`).digest('base64url')
}

/** "<citizen id>.<HMAC>": the id is not secret, the MAC makes it unforgeable. */
export function signCitizenId(secret: string, citizenId: string): string {
  return `${citizenId}.${mac(secret, citizenId)}`
}

export function verifyCitizenCookie(secret: string, value: string | undefined): string | null {
  if (!value) return null
  const [id, signature, ...rest] = value.split('.')
  if (!id || !signature || rest.length > 0 || !UUID.test(id)) return null
  const expected = Buffer.from(mac(secret, id))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}
