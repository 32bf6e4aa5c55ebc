import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from './client'
import { migrateDatabase } from './migrate'
import { isEmpty, seedDemo } from './seed'

const fresh = () => mkdtempSync(path.join(tmpdir(), 'filo-client-'))

describe('embedded database', () => {
  it('keeps its data across restarts', async () => {
    const dir = fresh()
    const first = await openDatabase({ dataDir: dir })
    await migrateDatabase(first)
    await seedDemo(first.db)
    await first.close()
    const second = await openDatabase({ dataDir: dir })
    expect(await isEmpty(second.db)).toBe(false)
    await second.close()
  }, 60_000)

  it('refuses a folder that another live process holds, naming the process', async () => {
    const dir = fresh()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(path.join(dir, 'filo.lock'), String(other.pid))
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`è già in uso dal processo ${other.pid}`)
    } finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that is gone', async () => {
    const dir = fresh()
    writeFileSync(path.join(dir, 'filo.lock'), '999999')
    const database = await openDatabase({ dataDir: dir })
    expect(readFileSync(path.join(dir, 'filo.lock'), 'utf8')).toBe(String(process.pid))
    await database.close()
  })

  it('refuses a damaged data folder and leaves its files untouched', async () => {
    const dir = fresh()
    mkdirSync(path.join(dir, 'pglite'))
    writeFileSync(path.join(dir, 'pglite', 'base'), 'not a database')
    const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toContain('non contiene un database valido')
    expect(readdirSync(path.join(dir, 'pglite'))).toEqual(['base'])
    expect(readFileSync(path.join(dir, 'pglite', 'base'), 'utf8')).toBe('not a database')
  })

  it('refuses a data folder whose cluster files are corrupt, without replacing it', async () => {
    const dir = fresh()
    const database = await openDatabase({ dataDir: dir })
    await migrateDatabase(database)
    await database.close()
    const control = path.join(dir, 'pglite', 'global', 'pg_control')
    writeFileSync(control, Buffer.alloc(8192, 0x5a))
    const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toContain('non si apre')
    expect(readFileSync(control)[0]).toBe(0x5a)
  }, 60_000)
})

describe('seed', () => {
  it('is idempotent and keeps what staff edited', async () => {
    const database = await openDatabase({ dataDir: 'memory://' })
    await migrateDatabase(database)
    expect((await seedDemo(database.db)).created).toBe(true)
    const { offices } = await import('./schema/comune')
    await database.db.update(offices).set({ address: 'Via cambiata 1' })
    expect((await seedDemo(database.db)).created).toBe(false)
    const rows = await database.db.select().from(offices)
    expect(rows).toHaveLength(7)
    expect(rows.every((o) => o.address === 'Via cambiata 1')).toBe(true)
    const { categories } = await import('./schema/reports')
    expect(await database.db.select().from(categories)).toHaveLength(12)
    await database.close()
  })
})
