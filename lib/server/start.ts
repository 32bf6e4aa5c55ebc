import { DatabaseOpenError } from '@/db/client'
import { getMigrationStatus, migrateDatabase } from '@/db/migrate'
import { hasDemoAccounts, isEmpty, seedDemo } from '@/db/seed'
import { DEMO_PASSWORD, demoStaff } from '@/db/seed-data'
import { getDatabase } from '../db'
import { EnvError, getEnv } from '../env'
import { getAuthSecret } from '../auth/secret'
import { registerHousekeeping } from '../jobs/housekeeping'
import { registerNotifyJobs } from '../notify/notify-jobs'
import { registerContentJobs } from '../content/content-jobs'
import { registerChatJobs } from '../chat/chat-jobs'
import { getProcessSender } from '../push/process-sender'
import { startJobs, stopJobs } from '../jobs/boss'
import { getLogger } from '../log'

/**
 * Runs once when the server process starts: checks the configuration, opens and migrates
 * the database, seeds the demo Comune into a new embedded database, starts the job queue.
 * Anything wrong stops the process with a message that says what to fix.
 */
export async function startServer(): Promise<void> {
  let env
  try {
    env = getEnv()
    getAuthSecret()
  } catch (error) {
    fail(error)
    return
  }
  const log = getLogger()
  try {
    const database = await getDatabase()
    await migrateDatabase(database)
    const status = await getMigrationStatus(database)
    log.info({ mode: database.mode, migrations: status }, 'database ready')

    const firstStart = database.mode === 'pglite' && env.FILO_DEMO_SEED === 'auto' && (await isEmpty(database.db))
    if (firstStart) {
      await seedDemo(database.db)
      log.info('demo Comune created')
    }
    if (database.mode === 'pglite' && (await hasDemoAccounts(database.db))) {
      console.log(
        [
          '',
          firstStart ? '  Filo: creato il “Comune di Esempio” dimostrativo.' : '  Filo: Comune di Esempio dimostrativo.',
          `  Cittadini:        ${env.FILO_PUBLIC_URL}`,
          `  Area riservata:   ${env.FILO_PUBLIC_URL}/admin`,
          `  Accessi dimostrativi, password per tutti: ${DEMO_PASSWORD}`,
          ...demoStaff.map((s) => `    ${s.role.padEnd(17)} ${s.email}`),
          '',
        ].join('\n'),
      )
    }

    const boss = await startJobs(database)
    await registerHousekeeping(boss, database.db)
    await registerNotifyJobs(boss, database.db, getProcessSender, { concurrency: env.FILO_PUSH_CONCURRENCY })
    // After the fan-out queue: a scheduled notice enqueues a fan-out when it fires.
    await registerContentJobs(boss)
    await registerChatJobs(boss)
    log.info({ url: env.FILO_PUBLIC_URL }, 'Filo started')

    const shutdown = async () => {
      await stopJobs().catch(() => {})
      await database.close().catch(() => {})
    }
    process.once('SIGTERM', shutdown)
    process.once('SIGINT', shutdown)
  } catch (error) {
    fail(error)
  }
}

function fail(error: unknown): never {
  const message =
    error instanceof EnvError || error instanceof DatabaseOpenError
      ? error.message
      : `Filo non può partire: ${error instanceof Error ? error.message : String(error)}`
  console.error(`\n  ${message}\n`)
  process.exit(1)
}
