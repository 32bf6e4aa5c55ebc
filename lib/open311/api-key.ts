import { createHash, randomBytes } from 'node:crypto'

/** A new API key: 32 random bytes, base64url, with a prefix that says what it is. */
export function newApiKey(): string {
  return `filo311_${randomBytes(32).toString('base64url')}`
}

/** Keys are random and long: SHA-256 is enough to keep them useless if the table leaks. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

export function keyHint(key: string): string {
  return `…${key.slice(-4)}`
}
