import { beforeAll, describe, expect, it } from 'vitest'
import { staffUsers } from '@/db/schema/staff'
import { reports } from '@/db/schema/reports'
import { setupTestDatabase } from '../testing/test-database'
import type { StaffActor } from '../auth/actor'
import { countReportsForStaff, listReportsForStaff } from './staff-reports'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}

beforeAll(async () => {
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
