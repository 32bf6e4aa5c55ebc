import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories } from '@/db/schema/reports'
import { staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import { errorCode, newCitizen } from '../testing/actors'
import { changeReportStatus } from './change-report-status'
import { exportReportStatsCsv } from './export-report-stats-csv'
import { exportReportsCsv } from './export-reports-csv'
import { mergeReport } from './handle-report'
import { getReportStats } from './report-stats'
import { submitReport } from './submit-report'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
let categoryId: number
let ambiente: number

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  ambiente = (await db.select().from(offices).where(eq(offices.slug, 'ambiente')))[0]!.id
  const [category] = await db.insert(categories).values({ slug: 'prova-statistiche', name: 'Prova statistiche', officeId: ambiente, targetWorkingDays: 5, sortOrder: 99 }).returning()
  categoryId = category!.id
})

afterAll(async () => {
  await stopJobs()
})

const at = (iso: string) => new Date(`${iso}T09:00:00Z`)

describe('time to close, in working days', () => {
  it('counts closures by band and against the expected date, per category and office, without merged duplicates; the counts export as CSV', async () => {
    const citizen = await newCitizen(database.current().db)
    let n = 0
    const file = (day: string) =>
      submitReport(citizen, { categoryId, title: 'Prova', description: 'Una prova.', latitude: 43.4661, longitude: 11.8822, idempotencyKey: `stats-${++n}-${Date.now()}` }, at(day))
    const close = (id: string, day: string, status: 'resolved' | 'closed' | 'not_competent' = 'resolved') =>
      changeReportStatus(actors.operator!, id, { status, publicNote: 'Fatto.' }, at(day))

    // All received on Monday 1 March 2027 (5 working days: due Monday 8 March), except the Easter one.
    const a = await file('2027-03-01')
    await close(a.id, '2027-03-03') // 2 working days, on time
    const b = await file('2027-03-01')
    await close(b.id, '2027-03-05', 'closed') // 4, on time
    const c = await file('2027-03-01')
    await close(c.id, '2027-03-15', 'not_competent') // 10, late
    const d = await file('2027-03-01')
    await close(d.id, '2027-04-01') // more than 10, late
    const duplicate = await file('2027-03-01')
    await mergeReport(actors.operator!, duplicate.id, { targetCode: a.publicCode }, at('2027-03-02'))
    await file('2027-03-01') // still open: overdue by June
    // Friday before Easter to the Wednesday after: 5 calendar days, 2 working days (Easter Monday is a holiday).
    const easter = await file('2027-03-26')
    await close(easter.id, '2027-03-31')

    const stats = await getReportStats(actors.operator!, at('2027-02-01'), at('2027-06-01'))
    const expected = { onTime: 3, late: 2, d0_2: 2, d3_5: 1, d6_10: 1, d11: 1 }
    const row = stats.byCategory.find((r) => r.key === String(categoryId))!
    expect(row).toMatchObject({ label: 'Prova statistiche', total: 7, open: 1, overdue: 1, closed: 5, closures: expected })
    expect(stats.byOffice.find((r) => r.key === String(ambiente))).toMatchObject({ closed: 5, closures: expected })
    expect(stats.total).toMatchObject({ total: 7, closed: 5, closures: expected })
    // The merged duplicate is in the status counts, as a duplicate, not as a closure.
    expect(stats.byStatus.find((s) => s.key === 'duplicate')).toMatchObject({ total: 1, closed: 0 })

    const csv = await exportReportStatsCsv(actors.operator!, at('2027-02-01'), at('2027-06-01'))
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe(
      '"gruppo","voce","totale","aperte","in_ritardo","chiuse","chiuse_entro_obiettivo","chiuse_oltre_obiettivo","chiuse_0_2_gg_lavorativi","chiuse_3_5_gg_lavorativi","chiuse_6_10_gg_lavorativi","chiuse_oltre_10_gg_lavorativi","giorni_mediana","giorni_media"',
    )
    expect(lines.find((l) => l.startsWith('"categoria","Prova statistiche"'))).toMatch(/^"categoria","Prova statistiche","7","1","1","5","3","2","2","1","1","1","[\d.]+","[\d.]+"$/)
    expect(lines.find((l) => l.startsWith('"ufficio","Ambiente e verde pubblico"'))).toMatch(/^"ufficio","Ambiente e verde pubblico","7","1","1","5","3","2","2","1","1","1",/)

    // The list export gives each report's working days too (the Easter one: 5 calendar days, 2 working days).
    const rows = (await exportReportsCsv(actors.operator!, at('2027-02-01'))).split('\r\n')
    const columns = rows[0]!.replace(/^\uFEFF/, '').split(',')
    const cell = (code: string, name: string) => rows.find((l) => l.startsWith(`"${code}"`))!.split(',')[columns.indexOf(`"${name}"`)]
    expect(cell(easter.publicCode, 'giorni_per_chiudere')).toBe('"5.0"')
    expect(cell(easter.publicCode, 'giorni_lavorativi_per_chiudere')).toBe('"2"')
    expect(cell(c.publicCode, 'giorni_lavorativi_per_chiudere')).toBe('"10"')
    expect(cell(duplicate.publicCode, 'giorni_lavorativi_per_chiudere')).toBe('""')

    // Office staff of another office get their own figures only; citizens' tools are not staff.
    const other = { ...actors.office!, officeId: ambiente + 1000 }
    expect((await getReportStats(other, at('2027-02-01'), at('2027-06-01'))).total).toMatchObject({ total: 0, closures: { onTime: 0, late: 0 } })
    expect(await errorCode(getReportStats({ ...actors.operator!, role: 'civil_protection' }, at('2027-02-01')))).toBe('forbidden')
  })
})
