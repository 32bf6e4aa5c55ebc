import 'server-only'
import { eq } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { removeReplacedImage } from './content-images'
import { dropQueuedNotices, ensureNoticeQueue } from './publication'

/** Deletes a news item for good (the audit log keeps its title and address), and its image. */
export async function deleteNewsItem(
  actor: StaffActor,
  input: { id: string },
  context: RequestContext,
): Promise<void> {
  assertRole(actor, ['admin', 'operator'])
  await ensureNoticeQueue()
  const db = await getDb()
  const imageUrl = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(newsItems)
      .where(eq(newsItems.id, input.id))
      .for('update')
    if (!before)
      throw new AppError('not_found', 'Notizia non trovata: forse è già stata eliminata.')
    await dropQueuedNotices(tx, 'news', before.id)
    await tx.delete(newsItems).where(eq(newsItems.id, before.id))
    await recordAudit(tx, {
      action: 'news.delete',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'news',
      targetId: before.id,
      ip: context.ip,
      details: {
        title: before.title,
        slug: before.slug,
        publishedAt: before.publishedAt?.toISOString() ?? null,
      },
    })
    return before.imageUrl
  })
  await removeReplacedImage(imageUrl, null)
}
