import 'server-only'
import { sql } from 'drizzle-orm'
import { getMigrationStatus, type MigrationStatus } from '@/db/migrate'
import { getDatabase } from '../db'
import { jobsStarted } from '../jobs/boss'
import { getLogger } from '../log'

export type Health =
  | { status: 'ok' | 'degraded'; database: { mode: string; reachable: true }; migrations: MigrationStatus; jobs: { started: boolean } }
  | { status: 'unavailable'; database: { reachable: false } }

/** Database reachability and migration state, for load balancers and monitoring. */
export async function getHealth(): Promise<Health> {
  try {
    const database = await getDatabase()
    await database.db.execute(sql`select 1`)
    const migrations = await getMigrationStatus(database)
    return {
      status: migrations.upToDate ? 'ok' : 'degraded',
      database: { mode: database.mode, reachable: true },
      migrations,
      jobs: { started: jobsStarted() },
    }
  } catch (error) {
    getLogger().warn({ err: error }, 'health check: database unreachable')
    return { status: 'unavailable', database: { reachable: false } }
  }
}
