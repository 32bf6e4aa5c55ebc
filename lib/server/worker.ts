import { setPriority } from 'node:os'
import { getMigrationStatus } from '@/db/migrate'
import { getDatabase } from '../db'
import { getEnv } from '../env'
import { startJobs, stopJobs } from '../jobs/boss'
import { getLogger } from '../log'
import { registerJobs } from './start'

/**
 * A job-only process (`npm run worker`): the same queues and handlers as the web process,
 * no HTTP. Start web processes with FILO_RUN_JOBS=false and as many workers as the
 * fan-out needs; pg-boss spreads the jobs and the fan-out's leases let several workers
 * share one notification. It runs at a lower CPU priority (FILO_WORKER_NICE), so on a
 * shared machine pages keep answering quickly while a large fan-out goes out.
 */
export async function startWorker(): Promise<() => Promise<void>> {
  const env = getEnv()
  const log = getLogger()
  if (env.FILO_WORKER_NICE > 0) {
    try {
      setPriority(env.FILO_WORKER_NICE)
    } catch (error) {
      log.warn({ err: error }, 'could not lower the worker priority')
    }
  }
  const database = await getDatabase()
  if (database.mode === 'pglite') throw new Error('Il worker separato richiede PostgreSQL (DATABASE_URL): il database incorporato serve un solo processo.')
  // The web process migrates at start; a worker never runs on an older or newer schema.
  for (let i = 0; ; i++) {
    const status = await getMigrationStatus(database)
    if (status.applied === status.expected) break
    if (i === 120) throw new Error(`Database non aggiornato (${status.applied}/${status.expected} migrazioni): avvia prima il server web.`)
    await new Promise((r) => setTimeout(r, 1_000))
  }
  const boss = await startJobs(database)
  await registerJobs(boss, database.db, env.FILO_PUSH_CONCURRENCY)
  log.info({ nice: env.FILO_WORKER_NICE }, 'Filo worker started')
  return async () => {
    await stopJobs().catch(() => {})
    await database.close().catch(() => {})
  }
}
