import type { PgBoss } from 'pg-boss'
import { inArray } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { notifications } from '@/db/schema/notifications'
import { getLogger } from '../log'
import { ensureQueue } from '../jobs/boss'
import { FANOUT_QUEUE } from './notify'
import { runFanout, type Sender } from './fanout'

/**
 * Fan-out jobs carry a heartbeat: if the process dies mid-way, pg-boss hands the job to
 * another process (or to this one after a restart), and runFanout picks up where the
 * deliveries' leases say it stopped.
 */
export async function registerNotifyJobs(boss: PgBoss, db: Db, sender: () => Promise<Sender>, options: { concurrency: number }) {
  await ensureQueue(boss, FANOUT_QUEUE, { heartbeatSeconds: 15, retryLimit: 50, retryDelay: 2, retryBackoff: true, retryDelayMax: 60 })
  await boss.work<{ notificationId: string }>(FANOUT_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    if (!job) return
    const log = getLogger().child({ notificationId: job.data.notificationId })
    const started = Date.now()
    await runFanout(db, job.data.notificationId, { sender: await sender(), concurrency: options.concurrency })
    log.info({ ms: Date.now() - started }, 'notification fan-out finished')
  })
  // A notification left half-sent by a stopped process is resumed at once, not after the heartbeat lapses.
  const unfinished = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(inArray(notifications.state, ['queued', 'sending']))
  for (const n of unfinished) await boss.send(FANOUT_QUEUE, { notificationId: n.id })
}
