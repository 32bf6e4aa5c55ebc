import { describe, expect, it } from 'vitest'
import { openDatabase } from '@/db/client'
import { migrateDatabase } from '@/db/migrate'
import { useDatabase } from '@/lib/db'
import { GET } from './route'

describe('GET /api/health', () => {
  it('answers 200 with the database mode and migration state', async () => {
    const database = await openDatabase({ dataDir: 'memory://' })
    await migrateDatabase(database)
    useDatabase(database)
    const response = await GET()
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { mode: 'pglite', reachable: true },
      migrations: { upToDate: true },
    })
    await database.close()
  })

  it('answers "degraded" when migrations are missing', async () => {
    const database = await openDatabase({ dataDir: 'memory://' })
    useDatabase(database)
    const body = await (await GET()).json()
    expect(body).toMatchObject({ status: 'degraded', migrations: { applied: 0, upToDate: false } })
    await database.close()
  })

  it('answers 503 when the database server cannot be reached, with no details leaked', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/filo', dataDir: 'unused' })
    useDatabase(database)
    const response = await GET()
    expect(response.status).toBe(503)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', database: { reachable: false } })
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/)
    await database.close()
  })
})
