import 'server-only'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { fileUrl } from '../storage/file-key-shared'
import { assertStoredImage } from './content-images'
import {
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

/** A new news item: a draft, out now, or scheduled; optionally announced to the topic's subscribers. */
export async function createNewsItem(
  actor: StaffActor,
  input: NewsInput,
  context: RequestContext,
  options: { now?: Date } = {},
): Promise<SavedContent> {
  assertRole(actor, ['admin', 'operator'])
  const now = options.now ?? new Date()
  assertSchedulable(input.publication, null, now)
  if (input.image) await assertStoredImage(input.image.key)
  await ensureNoticeQueue()
  const db = await getDb()
  return db.transaction(async (tx) => {
    await assertActiveTopic(tx, input.topicId)
    const publishedAt = publishedAtFor(null, input.publication, now)
    const base = slugify(input.title, 'notizia')
    let created: { id: string; slug: string } | undefined
    // The unique index has the last word: a slug taken in the meantime means another try.
    for (let attempt = 0; attempt < 5 && !created; attempt++) {
      ;[created] = await tx
        .insert(newsItems)
        .values({
          slug: await uniqueSlug(tx, newsItems, base),
          title: input.title,
          summary: input.summary,
          body: input.body,
          topicId: input.topicId,
          imageUrl: input.image ? fileUrl(input.image.key) : null,
          imageAlt: input.image?.alt ?? null,
          publishedAt,
          createdBy: actor.id,
        })
        .onConflictDoNothing({ target: newsItems.slug })
        .returning({ id: newsItems.id, slug: newsItems.slug })
    }
    if (!created)
      throw new AppError('conflict', 'Non è stato possibile salvare la notizia: riprova.')
    const audit = {
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'news',
      targetId: created.id,
      ip: context.ip,
    }
    await recordAudit(tx, {
      ...audit,
      action: 'news.create',
      details: {
        title: input.title,
        slug: created.slug,
        topicId: input.topicId,
        image: Boolean(input.image),
      },
    })
    const publicationAction = publicationAuditAction('news', null, publishedAt, now)
    if (publicationAction) {
      await recordAudit(tx, {
        ...audit,
        action: publicationAction,
        details: { title: input.title, publishedAt: publishedAt?.toISOString() ?? null },
      })
    }
    const notice = await applyNoticeChoice(tx, {
      kind: 'news',
      item: {
        ...created,
        title: input.title,
        summary: input.summary,
        topicId: input.topicId,
        publishedAt,
      },
      notify: input.notify,
      by: { id: actor.id, label: actorLabel(actor) },
      now,
    })
    return { ...created, status: contentStatus(publishedAt, now), publishedAt, notice }
  })
}
