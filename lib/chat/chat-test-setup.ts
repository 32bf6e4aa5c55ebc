import { afterAll, beforeAll } from 'vitest'
import type { StaffActor } from '../auth/actor'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { getHub } from '../realtime/hub'
import { newCitizen, staffByEmail } from '../testing/actors'
import { setupTestDatabase } from '../testing/test-database'

export type ChatStaff = { operator: StaffActor; admin: StaffActor; office: StaffActor }

/**
 * The chat tests' common ground: the demo Comune in a throwaway database, the job queue the
 * push fan-out needs, the realtime hub stopped afterwards, and the three demo staff who answer
 * (handed to `ready` once they are read).
 */
export function setupChatTest(ready: (staff: ChatStaff) => void) {
  const database = setupTestDatabase({ seed: true })
  beforeAll(async () => {
    await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
    const { db } = database.current()
    ready({
      operator: await staffByEmail(db, 'urp@comune.esempio.it'),
      admin: await staffByEmail(db, 'admin@comune.esempio.it'),
      office: await staffByEmail(db, 'lavoripubblici@comune.esempio.it'),
    })
  })
  afterAll(async () => {
    await (await getHub()).stop()
    await stopJobs()
  })
  return { database, newCitizen: () => newCitizen(database.current().db) }
}
