import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import type { events, newsItems } from '@/db/schema/content'
import type { topics } from '@/db/schema/topics'

const MAX_LENGTH = 80

/** "Via Roma: chiusa l’8 dicembre!" → "via-roma-chiusa-l-8-dicembre"; `fallback` when nothing is left. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_LENGTH) return slug || fallback
  // Cut on a word boundary so the address does not end in half a word.
  const cut = slug.slice(0, MAX_LENGTH + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut.slice(0, MAX_LENGTH)).replace(
    /-+$/,
    '',
  )
}

type SluggedTable = typeof newsItems | typeof events | typeof topics

/**
 * `base`, or `base-2`, `base-3`… whichever is free in `table` (the row `exceptId` aside).
 * The caller still inserts with the unique constraint as the final word.
 */
export async function uniqueSlug(
  tx: DbOrTx,
  table: SluggedTable,
  base: string,
  exceptId?: string | number,
): Promise<string> {
  const rows = await queryRows<{ slug: string }>(
    tx,
    sql`select ${table.slug} as slug from ${table}
        where (${table.slug} = ${base} or ${table.slug} like ${`${base}-%`})
        ${exceptId === undefined ? sql`` : sql`and ${table.id} <> ${exceptId}`}`,
  )
  const taken = new Set(rows.map((r) => r.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
