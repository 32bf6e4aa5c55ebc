import { PgBoss, fromDrizzle, fromPglite, type SendOptions } from 'pg-boss'
import { sql } from 'drizzle-orm'
import type { Database, DbOrTx } from '@/db/client'
import { getLogger } from '../log'

// One queue runner per process, shared by every bundle of the app.
const key = Symbol.for('filo.boss')
type Holder = { [key]?: Promise<PgBoss> }

/** Starts pg-boss on the app's own database (PGlite in-process, or the Postgres server). */
export function startJobs(database: Database): Promise<PgBoss> {
  const holder = globalThis as Holder
  holder[key] ??= (async () => {
    const boss =
      database.mode === 'pglite'
        ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite' })
        : new PgBoss({ connectionString: database.url, max: 4, application_name: 'filo-jobs' })
    boss.on('error', (error) => getLogger().error({ err: error }, 'job queue error'))
    await boss.start()
    return boss
  })()
  return holder[key]
}

export function getBoss(): Promise<PgBoss> {
  const started = (globalThis as Holder)[key]
  if (!started) throw new Error('The job queue has not been started')
  return started
}

export function jobsStarted(): boolean {
  return (globalThis as Holder)[key] !== undefined
}

// On globalThis like the queue runner itself: queues prepared at start (instrumentation
// bundle) must be known to the route bundles that enqueue.
const queuesKey = Symbol.for('filo.boss.queues')
const readyQueues: Set<string> = ((globalThis as { [queuesKey]?: Set<string> })[queuesKey] ??= new Set<string>())

/**
 * Creates a queue and loads it into pg-boss's queue cache. Must happen before anything is
 * enqueued inside a transaction: on a cache miss pg-boss reads the queue through its own
 * connection, which on the single-connection PGlite waits forever behind the open
 * transaction.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: Parameters<PgBoss['createQueue']>[1] = {}): Promise<void> {
  await boss.createQueue(name, options)
  await boss.getJobById(name, '00000000-0000-0000-0000-000000000000')
  readyQueues.add(name)
}

/**
 * Enqueues a job inside the caller's transaction: it exists if and only if the data
 * that asked for it was committed.
 */
export async function enqueue(tx: DbOrTx, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
  if (!readyQueues.has(name)) throw new Error(`Queue ${name} was not prepared with ensureQueue() at start`)
  const boss = await getBoss()
  return boss.send(name, data, { ...options, db: fromDrizzle(tx as never, sql) })
}

export async function stopJobs(): Promise<void> {
  const holder = globalThis as Holder
  const started = holder[key]
  delete holder[key]
  if (started) await (await started).stop({ graceful: true, timeout: 5_000 })
}
