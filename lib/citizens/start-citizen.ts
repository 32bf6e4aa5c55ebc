import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import { comuneSettings } from '@/db/schema/comune'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from './actor'

/**
 * Creates the anonymous citizen behind a device, once they acknowledged the Comune's
 * current privacy notice. Recommended topics (Protezione civile) start chosen.
 */
export async function startCitizen(input: { privacyVersion: string; locale: 'it' | 'en' }, now = new Date()): Promise<CitizenActor> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [comune] = await tx.select({ version: comuneSettings.privacyNoticeVersion }).from(comuneSettings)
    if (!comune || comune.version !== input.privacyVersion) {
      throw new AppError('invalid_input', 'L’informativa sulla privacy è stata aggiornata: rileggila e conferma di nuovo.')
    }
    const [citizen] = await tx
      .insert(citizens)
      .values({ locale: input.locale, privacyVersion: input.privacyVersion, privacyAcknowledgedAt: now })
      .returning({ id: citizens.id })
    if (!citizen) throw new Error('citizen insert returned nothing')
    const recommended = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.recommended, true), isNull(topics.retiredAt)))
    if (recommended.length > 0) {
      await tx.insert(topicSubscriptions).values(recommended.map((t) => ({ citizenId: citizen.id, topicId: t.id })))
    }
    return { kind: 'citizen' as const, id: citizen.id, locale: input.locale }
  })
}
