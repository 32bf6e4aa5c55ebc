import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env'

describe('parseEnv', () => {
  it('defaults to the embedded database with nothing set', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.FILO_DATA_DIR).toBe('.data')
    expect(env.FILO_PUBLIC_URL).toBe('http://localhost:3000')
  })

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it('accepts a postgres URL', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://filo@db.comune.it:5432/filo' }).DATABASE_URL).toBe('postgres://filo@db.comune.it:5432/filo')
  })

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/filo', 'DATABASE_URL deve essere un URL postgres://'],
    ['DATABASE_URL', 'localhost:5432', 'DATABASE_URL deve essere un URL postgres://'],
    ['AUTH_SECRET', 'short', 'AUTH_SECRET deve essere lunga almeno 32 caratteri'],
    ['FILO_PUBLIC_URL', 'comune.it', 'FILO_PUBLIC_URL deve essere un URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
  ])('names the bad variable %s', (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError)
    expect(() => parseEnv({ [name]: value })).toThrow(message)
  })
})
