import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import postgres from 'postgres'

export type Db = PgDatabase<PgQueryResultHKT>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export type Database =
  | { mode: 'pglite'; db: Db; pglite: PGlite; location: string; close(): Promise<void> }
  | { mode: 'postgres'; db: Db; sql: postgres.Sql; url: string; location: string; close(): Promise<void> }

export type DatabaseConfig = {
  /** postgres:// URL of a real server; when absent the embedded PGlite is used. */
  databaseUrl?: string
  /** Folder for the embedded database, or "memory://" for a throwaway in-memory one. */
  dataDir: string
}

/** Raised when the database cannot be opened; the message is meant for the operator. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl)
  return openPglite(config.dataDir)
}

function openPostgres(url: string): Database {
  const sql = postgres(url, {
    max: 10,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
  })
  const db = drizzlePostgres({ client: sql, casing: 'snake_case' }) as unknown as Db
  const parsed = new URL(url)
  return {
    mode: 'postgres',
    db,
    sql,
    url,
    location: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    close: () => sql.end({ timeout: 5 }),
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir === 'memory://') {
    const pglite = await PGlite.create()
    return {
      mode: 'pglite',
      db: drizzlePglite({ client: pglite, casing: 'snake_case' }) as unknown as Db,
      pglite,
      location: 'memory://',
      close: () => pglite.close(),
    }
  }

  const root = path.resolve(dataDir)
  const pgdata = path.join(root, 'pglite')
  mkdirSync(root, { recursive: true })
  const releaseLock = takeLock(root)

  // A folder with files but no PG_VERSION is not a database we made: refuse it rather
  // than let PGlite initialise an empty cluster over somebody's data.
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0 && !existsSync(path.join(pgdata, 'PG_VERSION'))) {
    releaseLock()
    throw new DatabaseOpenError(
      `La cartella del database incorporato ${pgdata} non contiene un database valido (manca PG_VERSION). ` +
        'Non è stata modificata: ripristina una copia di sicurezza oppure indica un’altra cartella con FILO_DATA_DIR.',
    )
  }

  let pglite: PGlite
  try {
    pglite = await PGlite.create(pgdata)
    await pglite.query('select 1')
  } catch (cause) {
    releaseLock()
    throw new DatabaseOpenError(
      `Il database incorporato in ${pgdata} non si apre (${describe(cause)}). ` +
        'Non è stato modificato: ripristina una copia di sicurezza oppure indica un’altra cartella con FILO_DATA_DIR.',
      { cause },
    )
  }
  return {
    mode: 'pglite',
    db: drizzlePglite({ client: pglite, casing: 'snake_case' }) as unknown as Db,
    pglite,
    location: pgdata,
    close: async () => {
      try {
        await pglite.close()
      } finally {
        releaseLock()
      }
    },
  }
}

/**
 * PGlite has no lock of its own: two processes writing one folder would corrupt it.
 * A pid file guards it; a stale one (its process gone) is taken over.
 */
function takeLock(root: string): () => void {
  const lockFile = path.join(root, 'filo.lock')
  if (existsSync(lockFile)) {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10)
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseOpenError(
        `Il database incorporato in ${root} è già in uso dal processo ${pid}. ` +
          'Ferma l’altra istanza di Filo (o usa un PostgreSQL con DATABASE_URL per più processi).',
      )
    }
  }
  writeFileSync(lockFile, String(process.pid))
  return () => {
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile)
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}
