import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import { categories, reports } from '@/db/schema/reports'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import { newCitizen } from '../testing/actors'
import { changeReportStatus } from './change-report-status'
import { setReportPriority } from './handle-report'
import { staffReportFilterSchema } from './schemas'
import { countReportsForStaff, listReportsForStaff } from './staff-reports'
import { submitReport } from './submit-report'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}

afterAll(async () => {
  await stopJobs()
})

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  for (const row of await database.current().db.select().from(staffUsers)) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
})

describe('the triage list, a page at a time', () => {
  it('pages cover every matching report once, in the same order as one long list, and the count says how many', async () => {
    const operator = actors.operator!
    const all = await listReportsForStaff(operator, { state: 'all' }, new Date(), 1000)
    expect(all.length).toBeGreaterThan(6) // the demo Comune's reports
    expect(await countReportsForStaff(operator, { state: 'all' })).toBe(all.length)
    const seen: string[] = []
    for (let page = 1; page <= Math.ceil(all.length / 4); page++) {
      const rows = await listReportsForStaff(operator, { state: 'all', page }, new Date(), 4)
      expect(rows.length).toBeLessThanOrEqual(4)
      seen.push(...rows.map((r) => r.id))
    }
    expect(seen).toEqual(all.map((r) => r.id))
    // Past the end: an empty page, not an error.
    expect(await listReportsForStaff(operator, { state: 'all', page: 999 }, new Date(), 4)).toEqual([])
  })

  it('office staff count only what is routed to their office', async () => {
    const office = actors.office!
    const everyone = await database.current().db.select({ officeId: reports.officeId }).from(reports)
    const theirs = everyone.filter((r) => r.officeId === office.officeId).length
    expect(await countReportsForStaff(office, { state: 'all' })).toBe(theirs)
    expect(theirs).toBeLessThan(everyone.length)
  })
})

describe('the triage filters', () => {
  it('filter by category, priority, age and overdue, alone and together, in the list and in its count', async () => {
    const { db } = database.current()
    const [ambiente] = await db.select().from(offices).where(eq(offices.slug, 'ambiente'))
    const [strade] = await db.select().from(categories).where(eq(categories.slug, 'strade-viabilita'))
    const [category] = await db.insert(categories).values({ slug: 'prova-triage', name: 'Prova triage', officeId: ambiente!.id, targetWorkingDays: 5, sortOrder: 98 }).returning()
    const citizen = await newCitizen(db)
    const now = new Date()
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
    let n = 0
    const file = (categoryId: number, at: Date) =>
      submitReport(citizen, { categoryId, title: `Triage ${n}`, description: 'Prova dei filtri.', latitude: 43.4661, longitude: 11.8822, idempotencyKey: `triage-${++n}-${Date.now()}` }, at)

    const oldHigh = await file(category!.id, daysAgo(20)) // overdue by now: 5 working days have passed
    await setReportPriority(actors.operator!, oldHigh.id, { priority: 'high' })
    const fresh = await file(category!.id, daysAgo(1)) // due in a few days
    const oldClosed = await file(category!.id, daysAgo(20))
    await changeReportStatus(actors.operator!, oldClosed.id, { status: 'closed', publicNote: 'Chiusa.' })
    const otherCategory = await file(strade!.id, daysAgo(20))
    await setReportPriority(actors.operator!, otherCategory.id, { priority: 'high' })

    const ids = async (filter: Record<string, string | undefined>, actor = actors.operator!) => {
      const parsed = staffReportFilterSchema.parse(filter)
      const rows = await listReportsForStaff(actor, parsed, now, 1000)
      expect(await countReportsForStaff(actor, parsed, now)).toBe(rows.length)
      return rows.map((r) => r.id)
    }
    const c = String(category!.id)
    expect((await ids({ state: 'all', categoryId: c })).sort()).toEqual([oldHigh.id, fresh.id, oldClosed.id].sort())
    expect((await ids({ state: 'open', categoryId: c })).sort()).toEqual([oldHigh.id, fresh.id].sort())
    expect(await ids({ state: 'closed', categoryId: c })).toEqual([oldClosed.id])
    expect(await ids({ state: 'all', categoryId: c, priority: 'high' })).toEqual([oldHigh.id])
    expect((await ids({ state: 'all', categoryId: c, olderThanDays: '10' })).sort()).toEqual([oldHigh.id, oldClosed.id].sort())
    // Overdue: open and past the due date; a closed report is never overdue.
    expect(await ids({ state: 'all', categoryId: c, overdue: '1' })).toEqual([oldHigh.id])
    // Across categories: every old, overdue, high-priority report, whatever its category.
    const everywhere = await ids({ state: 'open', priority: 'high', olderThanDays: '10', overdue: '1' })
    expect(everywhere).toEqual(expect.arrayContaining([oldHigh.id, otherCategory.id]))
    expect(everywhere).not.toContain(fresh.id)
    // By office: the operator can narrow to one; office staff of another office see none of these.
    expect((await ids({ state: 'all', categoryId: c, officeId: String(ambiente!.id) })).sort()).toEqual([oldHigh.id, fresh.id, oldClosed.id].sort())
    expect(await ids({ state: 'all', categoryId: c }, actors.office!)).toEqual([])
    // Values from a tampered URL are ignored, not errors: the list falls back to no such filter.
    expect(staffReportFilterSchema.parse({ state: 'x', categoryId: 'abc', priority: 'altissima', olderThanDays: '-3', overdue: 'yes' })).toEqual({ state: 'open' })
  })
})
