import 'server-only'
import { sql } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { slugify, uniqueSlug } from '../content/slug'
import type { CreateTopicInput } from './schemas'
import { assertNamesFree } from './topic-rules'

/** A new topic citizens can choose, listed after the existing ones. Its slug never changes. */
export async function createTopic(
  actor: StaffActor,
  input: CreateTopicInput,
  context: RequestContext,
): Promise<{ id: number; slug: string }> {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db.transaction(async (tx) => {
    await assertNamesFree(tx, input)
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${topics.sortOrder}), -1)::int` })
      .from(topics)
    const [created] = await tx
      .insert(topics)
      .values({
        slug: await uniqueSlug(tx, topics, slugify(input.nameIt, 'argomento')),
        nameIt: input.nameIt,
        nameEn: input.nameEn,
        descriptionIt: input.descriptionIt,
        descriptionEn: input.descriptionEn,
        sortOrder: (last?.n ?? -1) + 1,
      })
      .onConflictDoNothing({ target: topics.slug })
      .returning({ id: topics.id, slug: topics.slug })
    if (!created)
      throw new AppError('conflict', 'Non è stato possibile creare l’argomento: riprova.')
    await recordAudit(tx, {
      action: 'topic.create',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'topic',
      targetId: String(created.id),
      ip: context.ip,
      details: { name: input.nameIt, nameEn: input.nameEn, slug: created.slug },
    })
    return created
  })
}
