import { runCli } from './cli'
import { getMigrationStatus, migrateDatabase } from './migrate'

await runCli(async (database) => {
  await migrateDatabase(database)
  const status = await getMigrationStatus(database)
  console.log(`Migrazioni applicate: ${status.applied}/${status.expected} (${database.mode}, ${database.location})`)
})
