import 'server-only'
import { events } from '@/db/schema/content'
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
import type { EventInput } from './schemas'
import { slugify, uniqueSlug } from './slug'
import { contentStatus } from './status-shared'

/** A new event for the agenda: a draft, out now, or scheduled; optionally with an image and announced. */
export async function createEvent(
  actor: StaffActor,
  input: EventInput,
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
    const base = slugify(input.title, 'evento')
    let created: { id: string; slug: string } | undefined
    // The unique index has the last word: a slug taken in the meantime means another try.
    for (let attempt = 0; attempt < 5 && !created; attempt++) {
      ;[created] = await tx
        .insert(events)
        .values({
          slug: await uniqueSlug(tx, events, base),
          title: input.title,
          summary: input.summary,
          body: input.body,
          location: input.location,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          topicId: input.topicId,
          imageUrl: input.image ? fileUrl(input.image.key) : null,
          imageAlt: input.image?.alt ?? null,
          publishedAt,
          createdBy: actor.id,
        })
        .onConflictDoNothing({ target: events.slug })
        .returning({ id: events.id, slug: events.slug })
    }
    if (!created) throw new AppError('conflict', 'Non è stato possibile salvare l’evento: riprova.')
    const audit = {
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'event',
      targetId: created.id,
      ip: context.ip,
    }
    await recordAudit(tx, {
      ...audit,
      action: 'event.create',
      details: {
        title: input.title,
        slug: created.slug,
        topicId: input.topicId,
        startsAt: input.startsAt.toISOString(),
        image: Boolean(input.image),
      },
    })
    const publicationAction = publicationAuditAction('event', null, publishedAt, now)
    if (publicationAction) {
      await recordAudit(tx, {
        ...audit,
        action: publicationAction,
        details: { title: input.title, publishedAt: publishedAt?.toISOString() ?? null },
      })
    }
    const notice = await applyNoticeChoice(tx, {
      kind: 'event',
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
