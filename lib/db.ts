import 'server-only'
import { openDatabase, type Database, type Db } from '@/db/client'
import { getEnv, isBuildPhase } from './env'

// Next bundles instrumentation and routes separately: the handle lives on globalThis so
// one process opens the database once (two PGlite instances on one folder would corrupt it).
const key = Symbol.for('filo.database')
type Holder = { [key]?: Promise<Database> }

/** The process's database, opened on first use (never during `next build`). */
export function getDatabase(): Promise<Database> {
  if (isBuildPhase()) throw new Error('The database must not be opened during next build')
  const holder = globalThis as Holder
  if (!holder[key]) {
    const env = getEnv()
    const opening = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.FILO_DATA_DIR })
    // A failed open is not cached, so a later request can try again (e.g. Postgres came back).
    opening.catch(() => {
      if (holder[key] === opening) delete holder[key]
    })
    holder[key] = opening
  }
  return holder[key]
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db
}

/** Tests install their own throwaway database. */
export function useDatabase(database: Database): void {
  ;(globalThis as Holder)[key] = Promise.resolve(database)
}
