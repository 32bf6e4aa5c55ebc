import 'server-only'
import type { PgBoss } from 'pg-boss'
import { eq } from 'drizzle-orm'
import { events, newsItems } from '@/db/schema/content'
import { getDb } from '../db'
import { getLogger } from '../log'
import {
  ensureNoticeQueue,
  NOTICE_QUEUE,
  sendNotice,
  sentNotice,
  type NoticeJob,
  type NoticeItem,
} from './publication'

export type NoticeResult = 'sent' | 'missing' | 'withdrawn' | 'rescheduled' | 'already_sent'

/** Raised (and retried by pg-boss) when the job ran a moment before the item's time. */
class NotYetPublished extends Error {
  override name = 'NotYetPublished'
}

/**
 * At a scheduled item's time: announces it to its topic's subscribers, exactly once, if it
 * is still published at the time the notice was asked for. A withdrawn or rescheduled item,
 * or one already announced, is left alone. The item's row is locked while deciding, and the
 * notification is written in the same transaction, so retries and parallel workers cannot
 * send twice.
 */
export async function sendScheduledNotice(
  job: NoticeJob,
  now: Date = new Date(),
): Promise<NoticeResult> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const table = job.kind === 'news' ? newsItems : events
    const [item]: NoticeItem[] = await tx
      .select({
        id: table.id,
        slug: table.slug,
        title: table.title,
        summary: table.summary,
        topicId: table.topicId,
        publishedAt: table.publishedAt,
      })
      .from(table)
      .where(eq(table.id, job.itemId))
      .for('update')
    if (!item) return 'missing'
    if (!item.publishedAt) return 'withdrawn'
    if (item.publishedAt.toISOString() !== job.publishAt) return 'rescheduled'
    if (item.publishedAt.getTime() > now.getTime())
      throw new NotYetPublished(`${job.kind} ${job.itemId} is due at ${job.publishAt}`)
    if (await sentNotice(tx, job.kind, item.id)) return 'already_sent'
    await sendNotice(tx, job.kind, item, {
      id: job.requestedBy,
      label: `${job.requestedByLabel} (invio programmato)`,
    })
    return 'sent'
  })
}

/** Creates the queue of scheduled notices and its worker; called once at server start. */
export async function registerContentJobs(boss: PgBoss): Promise<void> {
  await ensureNoticeQueue()
  await boss.work<NoticeJob>(
    NOTICE_QUEUE,
    { pollingIntervalSeconds: 5, batchSize: 1 },
    async ([job]) => {
      if (!job) return
      const result = await sendScheduledNotice(job.data)
      getLogger().info(
        { kind: job.data.kind, itemId: job.data.itemId, result },
        'scheduled content notice',
      )
    },
  )
}
