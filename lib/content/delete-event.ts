import 'server-only'
import { eq } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { removeReplacedImage } from './content-images'
import { dropQueuedNotices, ensureNoticeQueue } from './publication'

/** Deletes an event for good (the audit log keeps its title and address), and its image. */
export async function deleteEvent(
  actor: StaffActor,
  input: { id: string },
  context: RequestContext,
): Promise<void> {
  assertRole(actor, ['admin', 'operator'])
  await ensureNoticeQueue()
  const db = await getDb()
  const imageUrl = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, input.id)).for('update')
    if (!before) throw new AppError('not_found', 'Evento non trovato: forse è già stato eliminato.')
    await dropQueuedNotices(tx, 'event', before.id)
    await tx.delete(events).where(eq(events.id, before.id))
    await recordAudit(tx, {
      action: 'event.delete',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'event',
      targetId: before.id,
      ip: context.ip,
      details: { title: before.title, slug: before.slug, startsAt: before.startsAt.toISOString() },
    })
    return before.imageUrl
  })
  await removeReplacedImage(imageUrl, null)
}
