import 'server-only'
import type { PgBoss } from 'pg-boss'
import { ensureQueue } from '../jobs/boss'
import { getLogger } from '../log'
import { pruneRealtimeEvents } from '../realtime/prune-events'
import { sweepConversations } from './chat-sweep'

export const CHAT_SWEEP_QUEUE = 'chat-sweep'
export const REALTIME_PRUNE_QUEUE = 'realtime-prune'

/** The minute-by-minute sweep (snoozes, opening hours, escalation); called once at server start. */
export async function registerChatJobs(boss: PgBoss): Promise<void> {
  await ensureQueue(boss, CHAT_SWEEP_QUEUE, { policy: 'singleton' })
  await boss.schedule(CHAT_SWEEP_QUEUE, '* * * * *', {}, { tz: 'Europe/Rome' })
  await boss.work(CHAT_SWEEP_QUEUE, { pollingIntervalSeconds: 10, batchSize: 1 }, async () => {
    const result = await sweepConversations()
    if (result.woken + result.opened + result.escalated > 0) getLogger().info(result, 'chat sweep')
  })
  await ensureQueue(boss, REALTIME_PRUNE_QUEUE, { policy: 'singleton' })
  await boss.schedule(REALTIME_PRUNE_QUEUE, '41 3 * * *', {}, { tz: 'Europe/Rome' })
  await boss.work(REALTIME_PRUNE_QUEUE, async () => {
    getLogger().info({ removed: await pruneRealtimeEvents() }, 'pruned old live events')
  })
}
