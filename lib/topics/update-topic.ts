import 'server-only'
import { eq } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import type { UpdateTopicInput } from './schemas'
import { assertNamesFree } from './topic-rules'

/** Renames a topic and rewrites its descriptions; subscribers and past items keep pointing at it. */
export async function updateTopic(
  actor: StaffActor,
  input: UpdateTopicInput,
  context: RequestContext,
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
    await assertNamesFree(tx, input, before.id)
    const after = {
      nameIt: input.nameIt,
      nameEn: input.nameEn,
      descriptionIt: input.descriptionIt,
      descriptionEn: input.descriptionEn,
    }
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
      (k) => after[k] !== before[k],
    )
    if (changed.length === 0) return
    await tx.update(topics).set(after).where(eq(topics.id, before.id))
    await recordAudit(tx, {
      action: 'topic.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'topic',
      targetId: String(before.id),
      ip: context.ip,
      details: {
        name: input.nameIt,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    })
  })
}
