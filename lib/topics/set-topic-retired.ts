import 'server-only'
import { eq } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import type { SetTopicRetiredInput } from './schemas'
import { isPermanentTopic } from './topic-rules'

/**
 * Retires a topic (citizens and editors no longer see it; subscriptions, items and past
 * notifications keep it) or brings it back. Protezione civile can never be retired.
 */
export async function setTopicRetired(
  actor: StaffActor,
  input: SetTopicRetiredInput,
  context: RequestContext,
  options: { now?: Date } = {},
): Promise<void> {
  assertRole(actor, ['admin'])
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(topics)
      .where(eq(topics.id, input.topicId))
      .for('update')
    if (!before) throw new AppError('not_found', 'Argomento non trovato.')
    if (input.retired && isPermanentTopic(before)) {
      throw new AppError(
        'forbidden',
        `«${before.nameIt}» non si può ritirare: è l’argomento consigliato a tutti per le allerte.`,
      )
    }
    if (Boolean(before.retiredAt) === input.retired) return
    await tx
      .update(topics)
      .set({ retiredAt: input.retired ? (options.now ?? new Date()) : null })
      .where(eq(topics.id, before.id))
    await recordAudit(tx, {
      action: input.retired ? 'topic.retire' : 'topic.restore',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'topic',
      targetId: String(before.id),
      ip: context.ip,
      details: { name: before.nameIt },
    })
  })
}
