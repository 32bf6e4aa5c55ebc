import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll } from 'vitest'
import { openDatabase, type Database } from '@/db/client'
import { migrateDatabase } from '@/db/migrate'
import { seedDemo } from '@/db/seed'
import { useDatabase } from '../db'
import { getEnv } from '../env'

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when
 * DATABASE_URL is set, a new database on that PostgreSQL server, dropped afterwards.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = getEnv().DATABASE_URL
  let database: Database
  let dropDatabase = async () => {}
  if (serverUrl) {
    const name = `filo_test_${randomBytes(6).toString('hex')}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' })
    dropDatabase = async () => {
      const admin2 = postgres(serverUrl, { max: 1, onnotice: () => {} })
      await admin2.unsafe(`drop database if exists ${name} with (force)`)
      await admin2.end()
    }
  } else {
    database = await openDatabase({ dataDir: 'memory://' })
  }
  await migrateDatabase(database)
  if (options.seed) await seedDemo(database.db)
  return Object.assign(database, {
    async drop() {
      await database.close()
      await dropDatabase()
    },
  })
}

/** Registers hooks giving the file its own database, installed as the process database. */
export function setupTestDatabase(options: { seed?: boolean } = {}): { current(): Database } {
  let database: (Database & { drop(): Promise<void> }) | undefined
  beforeAll(async () => {
    database = await createTestDatabase(options)
    useDatabase(database)
  })
  afterAll(async () => {
    await database?.drop()
  })
  return {
    current() {
      if (!database) throw new Error('test database not ready')
      return database
    },
  }
}
