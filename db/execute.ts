import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from './client'

/** Rows of a raw SQL statement, whichever driver runs it (PGlite gives {rows}, postgres.js an array). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query)
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
