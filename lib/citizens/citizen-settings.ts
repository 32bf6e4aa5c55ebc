import 'server-only'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from './actor'

/** Topics a citizen can choose (active ones), with theirs marked. */
export async function getTopicChoices(citizen: CitizenActor | null) {
  const db = await getDb()
  const all = await db
    .select({
      id: topics.id,
      slug: topics.slug,
      nameIt: topics.nameIt,
      nameEn: topics.nameEn,
      descriptionIt: topics.descriptionIt,
      descriptionEn: topics.descriptionEn,
      recommended: topics.recommended,
    })
    .from(topics)
    .where(isNull(topics.retiredAt))
    .orderBy(asc(topics.sortOrder), asc(topics.id))
  const chosen = citizen
    ? new Set(
        (await db.select({ topicId: topicSubscriptions.topicId }).from(topicSubscriptions).where(eq(topicSubscriptions.citizenId, citizen.id))).map(
          (r) => r.topicId,
        ),
      )
    : new Set(all.filter((t) => t.recommended).map((t) => t.id))
  return all.map((t) => ({ ...t, chosen: chosen.has(t.id) }))
}

/** Replaces the citizen's topics with the given ones (active topics only). */
export async function setCitizenTopics(citizen: CitizenActor, topicIds: number[]) {
  const db = await getDb()
  await db.transaction(async (tx) => {
    const wanted = [...new Set(topicIds)]
    const valid = wanted.length
      ? await tx.select({ id: topics.id }).from(topics).where(and(inArray(topics.id, wanted), isNull(topics.retiredAt)))
      : []
    if (valid.length !== wanted.length) throw new AppError('invalid_input', 'Uno degli argomenti scelti non esiste più: ricarica la pagina.')
    await tx.delete(topicSubscriptions).where(eq(topicSubscriptions.citizenId, citizen.id))
    if (valid.length) await tx.insert(topicSubscriptions).values(valid.map((t) => ({ citizenId: citizen.id, topicId: t.id })))
  })
}

export async function setCitizenLocale(citizen: CitizenActor, locale: 'it' | 'en') {
  const db = await getDb()
  await db.update(citizens).set({ locale }).where(eq(citizens.id, citizen.id))
}

/**
 * "Cancella i miei dati": the citizen, their devices, topics and inbox go for good
 * (cascading deletes); messages addressed to them alone go with them.
 */
export async function eraseCitizen(citizen: CitizenActor) {
  const db = await getDb()
  await db.delete(citizens).where(eq(citizens.id, citizen.id))
}
