import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getEnv } from '../env'

let cached: string | undefined

/**
 * The key that signs sessions: AUTH_SECRET when set (required when several processes or
 * machines serve Filo), otherwise generated once and kept in the data folder.
 */
export function getAuthSecret(): string {
  if (cached) return cached
  const env = getEnv()
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET)
  const file = path.resolve(env.FILO_DATA_DIR, 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  return (cached = readFileSync(file, 'utf8').trim())
}
