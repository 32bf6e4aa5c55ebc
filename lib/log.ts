import pino from 'pino'
import { getEnv } from './env'

const key = Symbol.for('filo.logger')
type Holder = { [key]?: pino.Logger }

/** Structured JSON logs on stdout: one logger per process, shared across bundles. */
export function getLogger(): pino.Logger {
  const holder = globalThis as Holder
  holder[key] ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: 'filo' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'passwordHash', '*.passwordHash'], remove: true },
  })
  return holder[key]
}
