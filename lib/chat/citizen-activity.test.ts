import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { categories } from '@/db/schema/reports'
import type { CitizenActor } from '../citizens/actor'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { getHub } from '../realtime/hub'
import { submitReport } from '../reports/submit-report'
import { setupTestDatabase } from '../testing/test-database'
import { getCitizenActivity } from './citizen-activity'
import { sendCitizenMessage } from './send-citizen-message'
import { newCitizen as createCitizen, staffByEmail } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const MONDAY_9 = new Date('2026-11-23T08:00:00Z')

const newCitizen = () => createCitizen(database.current().db)
const staff = (email: string) => staffByEmail(database.current().db, email)
async function report(citizen: CitizenActor, slug: string, title: string) {
  const [category] = await database.current().db.select().from(categories).where(eq(categories.slug, slug))
  return submitReport(
    citizen,
    { categoryId: category!.id, title, description: 'Descrizione del problema.', latitude: 43.4661, longitude: 11.8822, address: 'Via Roma 12', idempotencyKey: `${slug}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    MONDAY_9,
  )
}

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
})
afterAll(async () => {
  await (await getHub()).stop()
  await stopJobs()
})

describe('beside the chat', () => {
  it('staff see the citizen’s own reports with their status, and nobody else’s', async () => {
    const citizen = await newCitizen()
    const someoneElse = await newCitizen()
    const pothole = await report(citizen, 'strade-viabilita', 'Buca davanti alla scuola')
    await report(someoneElse, 'strade-viabilita', 'Segnalazione di un altro')
    const chat = await sendCitizenMessage({ actor: citizen, input: { clientId: 'activity-1', kind: 'text', body: 'Ho segnalato una buca' }, now: MONDAY_9 })

    const activity = await getCitizenActivity(await staff('urp@comune.esempio.it'), chat.conversationId)
    expect(activity.reports).toEqual([{ id: expect.any(String), publicCode: pothole.publicCode, title: 'Buca davanti alla scuola', status: 'Ricevuta' }])
  })
})
