import { readFileSync } from 'node:fs'
import path from 'node:path'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database } from './client'

const MIGRATION_LOCK = 7_141_001

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations')

/** Applies every committed migration not yet applied; safe to run on every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.mode === 'pglite') {
    await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder })
  } else {
    // Several processes may start at once against one server: an advisory lock on one
    // reserved connection makes them migrate one after the other.
    const connection = postgres(database.url, { max: 1, onnotice: () => {} })
    try {
      await connection`select pg_advisory_lock(${MIGRATION_LOCK})`
      await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder })
    } finally {
      await connection.end({ timeout: 5 })
    }
  }
}

export type MigrationStatus = { applied: number; expected: number; upToDate: boolean; latest: string | null }

export async function getMigrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>
  }
  const expected = journal.entries.length
  const query = `select count(*)::int as n from drizzle.__drizzle_migrations`
  let applied = 0
  try {
    if (database.mode === 'pglite') {
      const result = await database.pglite.query<{ n: number }>(query)
      applied = result.rows[0]?.n ?? 0
    } else {
      const rows = await database.sql.unsafe<Array<{ n: number }>>(query)
      applied = rows[0]?.n ?? 0
    }
  } catch (error) {
    // The bookkeeping table is missing only before the first migration.
    if (!/does not exist/.test(String((error as Error).message))) throw error
  }
  return {
    applied,
    expected,
    upToDate: applied >= expected,
    latest: journal.entries[applied - 1]?.tag ?? null,
  }
}
