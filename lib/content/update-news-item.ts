import 'server-only'
import { eq } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { fileUrl } from '../storage/file-key-shared'
import { assertStoredImage, removeReplacedImage } from './content-images'
import {
  addressMayBeKnown,
  applyNoticeChoice,
  assertActiveTopic,
  assertSchedulable,
  ensureNoticeQueue,
  publicationAuditAction,
  publishedAtFor,
  type SavedContent,
} from './publication'
import type { NewsInput } from './schemas'
import { slugify, uniqueSlug } from './slug'
import { contentStatus } from './status-shared'

/**
 * Saves the whole editor form: text, topic, image, publication and the notice choice. The
 * address (slug) follows the title only while the item has never been public or scheduled.
 */
export async function updateNewsItem(
  actor: StaffActor,
  input: NewsInput & { id: string },
  context: RequestContext,
  options: { now?: Date } = {},
): Promise<SavedContent> {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  if (input.image) await assertStoredImage(input.image.key)
  await ensureNoticeQueue()
  const db = await getDb()
  const imageUrl = input.image ? fileUrl(input.image.key) : null
  const { saved, beforeImageUrl } = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(newsItems)
      .where(eq(newsItems.id, input.id))
      .for('update')
    if (!before) throw new AppError('not_found', 'Notizia non trovata: forse è stata eliminata.')
    assertSchedulable(input.publication, before.publishedAt, now)
    await assertActiveTopic(tx, input.topicId)
    const publishedAt = publishedAtFor(before.publishedAt, input.publication, now)
    const slug =
      input.title !== before.title && !(await addressMayBeKnown(tx, 'news', before))
        ? await uniqueSlug(tx, newsItems, slugify(input.title, 'notizia'), before.id)
        : before.slug
    const after = {
      slug,
      title: input.title,
      summary: input.summary,
      body: input.body,
      topicId: input.topicId,
      imageUrl,
      imageAlt: input.image?.alt ?? null,
    }
    await tx
      .update(newsItems)
      .set({ ...after, publishedAt, updatedAt: now })
      .where(eq(newsItems.id, before.id))

    const audit = {
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'news',
      targetId: before.id,
      ip: context.ip,
    }
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
      (k) => after[k] !== before[k],
    )
    if (changed.length > 0) {
      await recordAudit(tx, {
        ...audit,
        action: 'news.update',
        details: {
          title: input.title,
          changed,
          before: Object.fromEntries(
            changed.filter((k) => k !== 'body').map((k) => [k, before[k]]),
          ),
          after: Object.fromEntries(changed.filter((k) => k !== 'body').map((k) => [k, after[k]])),
        },
      })
    }
    const publicationAction = publicationAuditAction('news', before.publishedAt, publishedAt, now)
    if (publicationAction) {
      await recordAudit(tx, {
        ...audit,
        action: publicationAction,
        details: {
          title: input.title,
          before: before.publishedAt?.toISOString() ?? null,
          publishedAt: publishedAt?.toISOString() ?? null,
        },
      })
    }
    const notice = await applyNoticeChoice(tx, {
      kind: 'news',
      item: {
        id: before.id,
        slug,
        title: input.title,
        summary: input.summary,
        topicId: input.topicId,
        publishedAt,
      },
      notify: input.notify,
      by: { id: actor.id, label: actorLabel(actor) },
      now,
    })
    return {
      saved: { id: before.id, slug, status: contentStatus(publishedAt, now), publishedAt, notice },
      beforeImageUrl: before.imageUrl,
    }
  })
  await removeReplacedImage(beforeImageUrl, imageUrl)
  return saved
}
