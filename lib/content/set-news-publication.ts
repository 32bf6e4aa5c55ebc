import 'server-only'
import { eq } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import {
  applyNoticeChoice,
  assertSchedulable,
  ensureNoticeQueue,
  publicationAuditAction,
  publishedAtFor,
  type SavedContent,
} from './publication'
import type { Publication } from './schemas'
import { contentStatus } from './status-shared'

/**
 * Publishes, schedules or withdraws (back to draft) a news item without touching its text.
 * Withdrawing also drops a notice still waiting for the scheduled time.
 */
export async function setNewsPublication(
  actor: StaffActor,
  input: { id: string; publication: Publication; notify: boolean },
  context: RequestContext,
  options: { now?: Date } = {},
): Promise<SavedContent> {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  await ensureNoticeQueue()
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(newsItems)
      .where(eq(newsItems.id, input.id))
      .for('update')
    if (!before) throw new AppError('not_found', 'Notizia non trovata: forse è stata eliminata.')
    assertSchedulable(input.publication, before.publishedAt, now)
    const publishedAt = publishedAtFor(before.publishedAt, input.publication, now)
    const action = publicationAuditAction('news', before.publishedAt, publishedAt, now)
    if (action) {
      await tx
        .update(newsItems)
        .set({ publishedAt, updatedAt: now })
        .where(eq(newsItems.id, before.id))
      await recordAudit(tx, {
        action,
        actorId: actor.id,
        actorLabel: actorLabel(actor),
        targetType: 'news',
        targetId: before.id,
        ip: context.ip,
        details: {
          title: before.title,
          before: before.publishedAt?.toISOString() ?? null,
          publishedAt: publishedAt?.toISOString() ?? null,
        },
      })
    }
    const notice = await applyNoticeChoice(tx, {
      kind: 'news',
      item: { ...before, publishedAt },
      notify: input.notify,
      by: { id: actor.id, label: actorLabel(actor) },
      now,
    })
    return {
      id: before.id,
      slug: before.slug,
      status: contentStatus(publishedAt, now),
      publishedAt,
      notice,
    }
  })
}
