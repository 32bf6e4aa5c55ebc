import { openDatabase } from './client'
import { parseEnv } from '../lib/env'

/** Opens the database the server would use, for command-line scripts. */
export async function openFromEnvironment() {
  const env = parseEnv(process.env)
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.FILO_DATA_DIR })
}

export async function runCli(task: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  let database
  try {
    database = await openFromEnvironment()
    await task(database)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  } finally {
    await database?.close()
  }
}
