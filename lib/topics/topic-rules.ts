import 'server-only'
import { and, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { topics } from '@/db/schema/topics'
import { AppError } from '../errors'

/**
 * The topic every citizen starts with (Protezione civile). It must always exist and be
 * choosable: civil-protection alerts reach citizens through it.
 */
export function isPermanentTopic(topic: { slug: string; recommended: boolean }): boolean {
  return topic.recommended || topic.slug === 'protezione-civile'
}

/** Two topics with the same name (either language, any case) would confuse citizens. */
export async function assertNamesFree(
  tx: DbOrTx,
  names: { nameIt: string; nameEn: string },
  exceptId?: number,
): Promise<void> {
  const clash = (column: typeof topics.nameIt | typeof topics.nameEn, value: string) =>
    tx
      .select({ id: topics.id })
      .from(topics)
      .where(
        and(
          sql`lower(${column}) = lower(${value})`,
          exceptId === undefined ? undefined : ne(topics.id, exceptId),
        ),
      )
      .limit(1)
  const [[it], [en]] = await Promise.all([
    clash(topics.nameIt, names.nameIt),
    clash(topics.nameEn, names.nameEn),
  ])
  if (it || en) {
    throw new AppError('conflict', 'Controlla i campi evidenziati.', {
      ...(it ? { nameIt: 'Esiste già un argomento con questo nome.' } : {}),
      ...(en ? { nameEn: 'Esiste già un argomento con questo nome inglese.' } : {}),
    })
  }
}
