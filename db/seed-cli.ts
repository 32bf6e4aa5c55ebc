import { runCli } from './cli'
import { migrateDatabase } from './migrate'
import { seedDemo } from './seed'
import { DEMO_PASSWORD, demoStaff } from './seed-data'

await runCli(async (database) => {
  await migrateDatabase(database)
  const { created } = await seedDemo(database.db)
  console.log(created ? 'Comune di Esempio creato.' : 'Comune di Esempio già presente: aggiunto solo ciò che mancava.')
  console.log('Accessi dimostrativi (password per tutti: ' + DEMO_PASSWORD + '):')
  for (const s of demoStaff) console.log(`  ${s.role.padEnd(17)} ${s.email}`)
})
