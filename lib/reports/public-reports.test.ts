import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { categories } from '@/db/schema/reports'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { newCitizen, staffByEmail } from '../testing/actors'
import { answerResolution } from './answer-resolution'
import { changeReportStatus } from './change-report-status'
import { countPublicReports, countResolvedLastYear, listPublicReports } from './public-reports'
import { submitReport } from './submit-report'

const database = setupTestDatabase({ seed: true })
let operator: StaffActor
let citizen: CitizenActor
let immobili: number

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  operator = await staffByEmail(db, 'urp@comune.esempio.it')
  citizen = await newCitizen(db)
  // No demo report has this category: the list below holds only this file's reports.
  const [cat] = await db.select().from(categories).where(eq(categories.slug, 'manutenzione-immobili'))
  immobili = cat!.id
})

afterAll(async () => {
  await stopJobs()
})

let n = 0
const send = (title = 'Scala rotta') =>
  submitReport(citizen, {
    categoryId: immobili,
    title,
    description: 'Un gradino della scala della scuola è rotto.',
    latitude: 43.4661,
    longitude: 11.8822,
    idempotencyKey: `public-${++n}-${Date.now()}`,
  })

describe('the public list pages', () => {
  it('gives pages of a fixed size, newest first, that never overlap, and counts every match', async () => {
    const sent = []
    for (let i = 1; i <= 5; i++) sent.push(await send(`Scala rotta ${i}`))
    const filter = { categoryId: immobili, status: 'all' as const }
    expect(await countPublicReports(filter)).toBe(5)
    const pages = [1, 2, 3].map((page) => listPublicReports({ ...filter, page }, 2))
    const [first, second, third] = await Promise.all(pages)
    expect(first!.map((r) => r.title)).toEqual(['Scala rotta 5', 'Scala rotta 4'])
    expect(second!.map((r) => r.title)).toEqual(['Scala rotta 3', 'Scala rotta 2'])
    expect(third!.map((r) => r.title)).toEqual(['Scala rotta 1'])
    expect(await listPublicReports({ ...filter, page: 4 }, 2)).toEqual([])

    // The count follows the filters, like the list.
    await changeReportStatus(operator, sent[0]!.id, { status: 'resolved', publicNote: 'Riparata.' })
    expect(await countPublicReports({ categoryId: immobili, status: 'open' })).toBe(4)
    expect(await countPublicReports({ categoryId: immobili, status: 'closed' })).toBe(1)
    expect((await listPublicReports({ categoryId: immobili, status: 'closed' })).map((r) => r.title)).toEqual(['Scala rotta 1'])
  })
})

describe('the count of reports resolved in the last 12 months', () => {
  it('counts each resolution once, also when the report was closed afterwards; not a reopened one, an old one or one closed unresolved', async () => {
    const before = await countResolvedLastYear()

    const resolved = await send()
    await changeReportStatus(operator, resolved.id, { status: 'resolved' })
    expect(await countResolvedLastYear()).toBe(before + 1)

    // Resolved, then closed by staff: still a resolution of the last 12 months.
    const resolvedThenClosed = await send()
    await changeReportStatus(operator, resolvedThenClosed.id, { status: 'resolved' })
    await changeReportStatus(operator, resolvedThenClosed.id, { status: 'closed' })
    expect(await countResolvedLastYear()).toBe(before + 2)

    // The citizen said "No": taken up again, not resolved (until it is resolved again).
    const reopened = await send()
    await changeReportStatus(operator, reopened.id, { status: 'resolved' })
    expect(await countResolvedLastYear()).toBe(before + 3)
    await answerResolution(citizen, reopened.publicCode, { answer: 'no' })
    expect(await countResolvedLastYear()).toBe(before + 2)
    await changeReportStatus(operator, reopened.id, { status: 'resolved' })
    expect(await countResolvedLastYear()).toBe(before + 3)

    // Reopened, then closed without being resolved: not a resolution.
    const reopenedThenClosed = await send()
    await changeReportStatus(operator, reopenedThenClosed.id, { status: 'resolved' })
    await changeReportStatus(operator, reopenedThenClosed.id, { status: 'taken' })
    await changeReportStatus(operator, reopenedThenClosed.id, { status: 'closed' })
    // Closed straight away, never resolved.
    const closed = await send()
    await changeReportStatus(operator, closed.id, { status: 'closed' })
    expect(await countResolvedLastYear()).toBe(before + 3)

    // Resolved 13 months ago: out of the window.
    const old = await send()
    const thirteenMonthsAgo = new Date(Date.now() - 396 * 24 * 60 * 60 * 1000)
    await changeReportStatus(operator, old.id, { status: 'resolved' }, thirteenMonthsAgo)
    expect(await countResolvedLastYear()).toBe(before + 3)
  })
})
