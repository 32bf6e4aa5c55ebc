import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { loginAttempts } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { enqueue, ensureQueue, getBoss, startJobs, stopJobs } from './boss'
import { purgeLoginAttempts } from './housekeeping'

const database = setupTestDatabase()

afterAll(async () => {
  await stopJobs()
})

describe('job queue on the application database', () => {
  it('enqueues inside a transaction: a rolled-back transaction leaves no job', async () => {
    const boss = await startJobs(database.current())
    await ensureQueue(boss, 'test-queue')
    const { db } = database.current()
    await db
      .transaction(async (tx) => {
        await enqueue(tx, 'test-queue', { n: 1 })
        throw new Error('rollback')
      })
      .catch(() => {})
    await db.transaction(async (tx) => {
      await enqueue(tx, 'test-queue', { n: 2 })
    })
    const jobs = await (await getBoss()).fetch<{ n: number }>('test-queue', { batchSize: 10 })
    expect(jobs.map((j) => j.data.n)).toEqual([2])
  })

  it('runs a worker for queued work', async () => {
    const boss = await getBoss()
    await boss.createQueue('test-work')
    const done = new Promise<number>((resolve) => {
      void boss.work<{ n: number }>('test-work', { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job!.data.n))
    })
    await boss.send('test-work', { n: 42 })
    expect(await done).toBe(42)
  })
})

describe('housekeeping', () => {
  it('purges sign-in attempts older than 30 days only', async () => {
    const { db } = database.current()
    const now = new Date('2026-06-01T10:00:00Z')
    await db.insert(loginAttempts).values([
      { key: 'account:a', succeeded: false, at: new Date('2026-04-01T10:00:00Z') },
      { key: 'account:b', succeeded: false, at: new Date('2026-05-20T10:00:00Z') },
    ])
    expect(await purgeLoginAttempts(db, now)).toBe(1)
    const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts)
    expect(left?.n).toBe(1)
  })
})
