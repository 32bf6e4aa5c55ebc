import 'server-only'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { fromDrizzle, type PgBoss } from 'pg-boss'
import type { DbOrTx } from '@/db/client'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { AppError } from '../errors'
import { recordAudit, type AuditAction } from '../audit/record-audit'
import { enqueue, ensureQueue, getBoss, jobsStarted } from '../jobs/boss'
import { notify } from '../notify/notify'
import type { Publication } from './schemas'
import { contentStatus, type ContentStatus } from './status-shared'

/**
 * What news items and events share about going public: publication times, their audit
 * entries, the topic rule, and the notice to the topic's subscribers (now, or by a job at
 * the scheduled time).
 */

export type ContentKind = 'news' | 'event'

/** Where citizens read an item; also the link a notification opens. */
export const contentPaths: Record<ContentKind, string> = { news: '/notizie', event: '/eventi' }

export const NOTICE_QUEUE = 'content-publish-notify'

/** A notice waiting for a scheduled item's time. The request lives here until the schema has a column for it. */
export type NoticeJob = {
  kind: ContentKind
  itemId: string
  /** The publication time the notice was asked for; a rescheduled item has a new job. */
  publishAt: string
  requestedBy: string | null
  requestedByLabel: string
}

export type NoticeItem = {
  id: string
  slug: string
  title: string
  summary: string
  topicId: number | null
  publishedAt: Date | null
}

export type NoticeOutcome = { sent: number } | { scheduledFor: Date } | { alreadySent: Date } | null

export type NoticeRequester = { id: string | null; label: string }

/** What a save returns to the form: where the item now stands and what happened to the notice. */
export type SavedContent = {
  id: string
  slug: string
  status: ContentStatus
  publishedAt: Date | null
  notice: NoticeOutcome
}

export function publishedAtFor(
  before: Date | null,
  publication: Publication,
  now: Date,
): Date | null {
  if (publication.mode === 'draft') return null
  // An item already out keeps its date: saving a typo fix must not move it to the top of the list.
  if (publication.mode === 'now') return before && before.getTime() <= now.getTime() ? before : now
  return publication.at
}

/** A scheduled time must be ahead, unless it is the one already saved (the form was open a while). */
export function assertSchedulable(publication: Publication, before: Date | null, now: Date): void {
  if (publication.mode !== 'scheduled') return
  if (publication.at.getTime() > now.getTime() || publication.at.getTime() === before?.getTime())
    return
  throw new AppError('invalid_input', 'Controlla i campi evidenziati.', {
    publishDate:
      'Il momento scelto è già passato: scegli un giorno e un’ora futuri, oppure Pubblica ora.',
  })
}

/** The audit action for a change of publication state, or null when it did not change. */
export function publicationAuditAction(
  kind: ContentKind,
  before: Date | null,
  after: Date | null,
  now: Date,
): AuditAction | null {
  const was = contentStatus(before, now)
  const is = contentStatus(after, now)
  if (is === 'draft') return was === 'draft' ? null : (`${kind}.unpublish` as const)
  if (is === 'published') return was === 'published' ? null : (`${kind}.publish` as const)
  return was === 'scheduled' && before?.getTime() === after?.getTime()
    ? null
    : (`${kind}.schedule` as const)
}

/** Items may only be filed under a topic citizens can still choose. */
export async function assertActiveTopic(tx: DbOrTx, topicId: number): Promise<void> {
  const [topic] = await tx
    .select({ nameIt: topics.nameIt, retiredAt: topics.retiredAt })
    .from(topics)
    .where(eq(topics.id, topicId))
    .for('share')
  if (!topic) {
    throw new AppError('invalid_input', 'Controlla i campi evidenziati.', {
      topicId: 'Questo argomento non esiste: scegline un altro.',
    })
  }
  if (topic.retiredAt) {
    throw new AppError('invalid_input', 'Controlla i campi evidenziati.', {
      topicId: `L’argomento «${topic.nameIt}» è stato ritirato: scegline un altro.`,
    })
  }
}

/**
 * Whether the item's address may already be out there: it is published or scheduled now, or
 * it was at some point (the audit log remembers). Until then its slug follows the title.
 */
export async function addressMayBeKnown(
  tx: DbOrTx,
  kind: ContentKind,
  item: { id: string; publishedAt: Date | null },
): Promise<boolean> {
  if (item.publishedAt) return true
  const [entry] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, kind),
        eq(auditLog.targetId, item.id),
        inArray(auditLog.action, [`${kind}.publish` as const, `${kind}.schedule` as const]),
      ),
    )
    .limit(1)
  return Boolean(entry)
}

/** The notification already sent about an item, with how many citizens got it in their inbox. */
export async function sentNotice(
  db: DbOrTx,
  kind: ContentKind,
  itemId: string,
): Promise<{ at: Date; citizens: number } | null> {
  const [row] = await db
    .select({ id: notifications.id, at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.sourceType, kind), eq(notifications.sourceId, itemId)))
    .orderBy(desc(notifications.createdAt))
    .limit(1)
  if (!row) return null
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(eq(inboxItems.notificationId, row.id))
  return { at: row.at, citizens: counted?.n ?? 0 }
}

const noticeKey = (kind: ContentKind, itemId: string) => `${kind}:${itemId}`

const queueReady = new WeakMap<PgBoss, Promise<void>>()

/**
 * Creates the notice queue and loads it into pg-boss's cache, once per process. Call it
 * before opening a transaction: on the embedded database, pg-boss's own connection would
 * wait behind that transaction (see ensureQueue).
 */
export async function ensureNoticeQueue(): Promise<PgBoss> {
  const boss = await getBoss()
  let ready = queueReady.get(boss)
  if (!ready) {
    // A failed job (say the database blinked) is retried after a pause; ten minutes of tries.
    ready = ensureQueue(boss, NOTICE_QUEUE, { retryLimit: 20, retryDelay: 30 })
    ready.catch(() => queueReady.delete(boss))
    queueReady.set(boss, ready)
  }
  await ready
  return boss
}

/** Drops any notice still waiting for this item, inside the caller's transaction. */
async function cancelQueuedNotices(tx: DbOrTx, kind: ContentKind, itemId: string): Promise<void> {
  const boss = await getBoss()
  const db = fromDrizzle(tx as never, sql)
  const jobs = await boss.findJobs<NoticeJob>(NOTICE_QUEUE, {
    key: noticeKey(kind, itemId),
    queued: true,
    db,
  })
  if (jobs.length > 0)
    await boss.cancel(
      NOTICE_QUEUE,
      jobs.map((j) => j.id),
      { db },
    )
}

/** The time a notice is waiting for, for the edit form; null when none is (or jobs are not running). */
export async function queuedNoticeAt(kind: ContentKind, itemId: string): Promise<Date | null> {
  if (!jobsStarted()) return null
  const boss = await ensureNoticeQueue()
  const [job] = await boss.findJobs<NoticeJob>(NOTICE_QUEUE, {
    key: noticeKey(kind, itemId),
    queued: true,
  })
  return job ? new Date(job.data.publishAt) : null
}

/** Writes the notification (inbox entries, push fan-out job) and its audit entry, in `tx`. */
export async function sendNotice(
  tx: DbOrTx,
  kind: ContentKind,
  item: NoticeItem,
  by: NoticeRequester,
): Promise<{ recipients: number }> {
  if (item.topicId === null)
    throw new AppError('invalid_input', 'Senza argomento non c’è nessuno da avvisare.', {
      notify: 'Scegli un argomento.',
    })
  const result = await notify(tx, {
    kind,
    title: item.title,
    body: item.summary,
    url: `${contentPaths[kind]}/${item.slug}`,
    audience: { topicId: item.topicId },
    sourceType: kind,
    sourceId: item.id,
    createdBy: by.id,
  })
  await recordAudit(tx, {
    action: `${kind}.notify`,
    actorId: by.id,
    actorLabel: by.label,
    targetType: kind,
    targetId: item.id,
    details: {
      title: item.title,
      notificationId: result.notificationId,
      recipients: result.recipients,
    },
  })
  return { recipients: result.recipients }
}

/**
 * Applies the "Notifica gli iscritti" choice after a save, in the same transaction (the
 * item's row is locked by the caller, so two saves cannot both send). Any notice still
 * waiting is replaced: unticking the box, unpublishing or rescheduling takes effect. An
 * item is announced at most once.
 */
export async function applyNoticeChoice(
  tx: DbOrTx,
  args: { kind: ContentKind; item: NoticeItem; notify: boolean; by: NoticeRequester; now: Date },
): Promise<NoticeOutcome> {
  const { kind, item, by, now } = args
  await cancelQueuedNotices(tx, kind, item.id)
  if (!args.notify || !item.publishedAt) return null
  const previous = await sentNotice(tx, kind, item.id)
  if (previous) return { alreadySent: previous.at }
  if (item.publishedAt.getTime() <= now.getTime())
    return { sent: (await sendNotice(tx, kind, item, by)).recipients }
  const job: NoticeJob = {
    kind,
    itemId: item.id,
    publishAt: item.publishedAt.toISOString(),
    requestedBy: by.id,
    requestedByLabel: by.label,
  }
  await enqueue(tx, NOTICE_QUEUE, job, {
    startAfter: item.publishedAt,
    singletonKey: noticeKey(kind, item.id),
  })
  return { scheduledFor: item.publishedAt }
}

/** Before deleting an item: nothing may be announced about it any more. */
export async function dropQueuedNotices(
  tx: DbOrTx,
  kind: ContentKind,
  itemId: string,
): Promise<void> {
  await cancelQueuedNotices(tx, kind, itemId)
}
