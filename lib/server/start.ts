import type { PgBoss } from 'pg-boss'
import { DatabaseOpenError, type Db } from '@/db/client'
import { getMigrationStatus, migrateDatabase } from '@/db/migrate'
import { hasDemoAccounts, isEmpty, seedDemo } from '@/db/seed'
import { DEMO_PASSWORD, demoStaff } from '@/db/seed-data'
import { getDatabase } from '../db'
import { EnvError, getEnv } from '../env'
import { getAuthSecret } from '../auth/secret'
import { registerHousekeeping } from '../jobs/housekeeping'
import { registerNotifyJobs } from '../notify/notify-jobs'
import { registerContentJobs } from '../content/content-jobs'
import { registerCampaignJobs } from '../campaigns/send-campaign'
import { registerDigestJobs } from '../digest/weekly-digest'
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

    const started = await startJobs(database)
    // FILO_RUN_JOBS=false: queues are prepared (this process enqueues) but `npm run worker`
    // processes do the work, so a large fan-out never competes with page rendering here.
    const boss = env.FILO_RUN_JOBS ? started : enqueueOnly(started)
    await registerJobs(boss, database.db, env.FILO_PUSH_CONCURRENCY)
    log.info({ url: env.FILO_PUBLIC_URL, runsJobs: env.FILO_RUN_JOBS }, 'Filo started')

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

/** Every queue of the app, and its worker when `boss` runs jobs. Shared with the worker process. */
export async function registerJobs(boss: PgBoss, db: Db, pushConcurrency: number): Promise<void> {
  await registerHousekeeping(boss, db)
  await registerNotifyJobs(boss, db, getProcessSender, { concurrency: pushConcurrency })
  // After the fan-out queue: a scheduled notice enqueues a fan-out when it fires.
  await registerContentJobs(boss)
  await registerCampaignJobs(boss)
  await registerDigestJobs(boss)
  await registerChatJobs(boss)
}

/** The same queue runner with `work` disabled: queues, schedules and sends still happen. */
function enqueueOnly(boss: PgBoss): PgBoss {
  return new Proxy(boss, {
    get(target, property, receiver) {
      if (property === 'work') return async () => 'not-working-here'
      const value: unknown = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function fail(error: unknown): never {
  const message =
    error instanceof EnvError || error instanceof DatabaseOpenError
      ? error.message
      : `Filo non può partire: ${error instanceof Error ? error.message : String(error)}`
  console.error(`\n  ${message}\n`)
  process.exit(1)
}
