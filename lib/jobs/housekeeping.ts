import type { PgBoss } from 'pg-boss'
import { lt } from 'drizzle-orm'
import { loginAttempts } from '@/db/schema/staff'
import type { Db } from '@/db/client'
import { getLogger } from '../log'
import { purgeAbandonedReportPhotos } from '../reports/purge-abandoned-photos'
import { ensureQueue } from './boss'

export const PURGE_LOGIN_ATTEMPTS = 'housekeeping-purge-login-attempts'
export const PURGE_ABANDONED_PHOTOS = 'housekeeping-purge-abandoned-report-photos'
const KEEP_DAYS = 30

/** Sign-in attempts matter for throttling for minutes; a month is kept for investigations. */
export async function purgeLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000)
  const deleted = await db.delete(loginAttempts).where(lt(loginAttempts.at, cutoff)).returning({ id: loginAttempts.id })
  return deleted.length
}

export async function registerHousekeeping(boss: PgBoss, db: Db): Promise<void> {
  await ensureQueue(boss, PURGE_LOGIN_ATTEMPTS)
  await boss.schedule(PURGE_LOGIN_ATTEMPTS, '17 3 * * *', {}, { tz: 'Europe/Rome' })
  await boss.work(PURGE_LOGIN_ATTEMPTS, async () => {
    const removed = await purgeLoginAttempts(db)
    getLogger().info({ removed }, 'purged old sign-in attempts')
  })
  // Hourly: a photo for a report never sent lives a day, give or take an hour.
  await ensureQueue(boss, PURGE_ABANDONED_PHOTOS)
  await boss.schedule(PURGE_ABANDONED_PHOTOS, '23 * * * *', {}, { tz: 'Europe/Rome' })
  await boss.work(PURGE_ABANDONED_PHOTOS, async () => {
    const removed = await purgeAbandonedReportPhotos(db)
    if (removed) getLogger().info({ removed }, 'deleted photos of reports never sent')
  })
}
