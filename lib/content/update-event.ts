import 'server-only'
import { eq } from 'drizzle-orm'
import { events } from '@/db/schema/content'
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
import type { EventInput } from './schemas'
import { slugify, uniqueSlug } from './slug'
import { contentStatus } from './status-shared'

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * Saves the whole editor form of an event, image included. The address (slug) follows the title only while
 * the event has never been public or scheduled.
 */
export async function updateEvent(
  actor: StaffActor,
  input: EventInput & { id: string },
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
    const [before] = await tx.select().from(events).where(eq(events.id, input.id)).for('update')
    if (!before) throw new AppError('not_found', 'Evento non trovato: forse è stato eliminato.')
    assertSchedulable(input.publication, before.publishedAt, now)
    await assertActiveTopic(tx, input.topicId)
    const publishedAt = publishedAtFor(before.publishedAt, input.publication, now)
    const slug =
      input.title !== before.title && !(await addressMayBeKnown(tx, 'event', before))
        ? await uniqueSlug(tx, events, slugify(input.title, 'evento'), before.id)
        : before.slug
    const after = {
      slug,
      title: input.title,
      summary: input.summary,
      body: input.body,
      location: input.location,
      topicId: input.topicId,
      imageUrl,
      imageAlt: input.image?.alt ?? null,
    }
    await tx
      .update(events)
      .set({
        ...after,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        publishedAt,
        updatedAt: now,
      })
      .where(eq(events.id, before.id))

    const audit = {
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'event',
      targetId: before.id,
      ip: context.ip,
    }
    const changed: string[] = (Object.keys(after) as Array<keyof typeof after>).filter(
      (k) => after[k] !== before[k],
    )
    if (iso(input.startsAt) !== iso(before.startsAt)) changed.push('startsAt')
    if (iso(input.endsAt) !== iso(before.endsAt)) changed.push('endsAt')
    if (changed.length > 0) {
      const pick = (source: Record<string, unknown>) =>
        Object.fromEntries(
          changed
            .filter((k) => k !== 'body')
            .map((k) => [k, source[k] instanceof Date ? iso(source[k] as Date) : source[k]]),
        )
      await recordAudit(tx, {
        ...audit,
        action: 'event.update',
        details: {
          title: input.title,
          changed,
          before: pick(before),
          after: pick({ ...after, startsAt: input.startsAt, endsAt: input.endsAt }),
        },
      })
    }
    const publicationAction = publicationAuditAction('event', before.publishedAt, publishedAt, now)
    if (publicationAction) {
      await recordAudit(tx, {
        ...audit,
        action: publicationAction,
        details: {
          title: input.title,
          before: iso(before.publishedAt),
          publishedAt: iso(publishedAt),
        },
      })
    }
    const notice = await applyNoticeChoice(tx, {
      kind: 'event',
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
