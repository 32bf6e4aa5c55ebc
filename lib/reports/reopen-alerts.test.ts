import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { citizens } from '@/db/schema/citizens'
import { offices } from '@/db/schema/comune'
import { categories } from '@/db/schema/reports'
import { staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { answerResolution } from './answer-resolution'
import { changeReportStatus } from './change-report-status'
import { reassignReport } from './handle-report'
import { getPublicReport } from './public-reports'
import { acknowledgeReopenAlert, listReopenAlerts } from './reopen-alerts'
import { getReportForStaff } from './staff-reports'
import { submitReport } from './submit-report'
import { errorCode } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
let lavori: StaffActor
let ambiente: StaffActor
let alice: CitizenActor
let strade: number

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  lavori = actors.office!
  const [amb] = await db.select().from(offices).where(eq(offices.slug, 'ambiente'))
  ambiente = { kind: 'staff', id: crypto.randomUUID(), email: 'ambiente@x.it', name: 'Giulia Ambiente', role: 'office', officeId: amb!.id }
  const [row] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
  alice = { kind: 'citizen', id: row!.id, locale: 'it' }
  const [cat] = await db.select().from(categories).where(eq(categories.slug, 'strade-viabilita'))
  strade = cat!.id
})

afterAll(async () => {
  await stopJobs()
})

let n = 0
/** A report of the Lavori pubblici office, closed as fixed, that the reporter says is not fixed. */
async function reopenedReport(note = 'La buca è ancora lì.') {
  const title = `Buca ${++n}`
  const report = await submitReport(alice, {
    categoryId: strade,
    title,
    description: 'Una buca profonda.',
    latitude: 43.4661,
    longitude: 11.8822,
    idempotencyKey: `reopen-${n}-${Date.now()}`,
  })
  await changeReportStatus(lavori, report.id, { status: 'resolved', publicNote: 'Riparata.' })
  expect(await answerResolution(alice, report.publicCode, { answer: 'no', note })).toEqual({ reopened: true })
  return { ...report, title }
}

const codes = async (actor: StaffActor) => (await listReopenAlerts(actor)).reports.map((r) => r.publicCode)


describe('"No, non è risolto" alerts the office', () => {
  it('the office, operators and admins see it with the citizen’s words; another office and civil protection do not', async () => {
    const report = await reopenedReport('Il tombino è ancora aperto.')
    const alerts = await listReopenAlerts(lavori)
    const mine = alerts.reports.find((r) => r.publicCode === report.publicCode)
    expect(mine).toMatchObject({ title: report.title, officeName: 'Lavori pubblici e manutenzioni' })
    expect(mine!.citizenNote).toContain('Il tombino è ancora aperto.')
    expect(alerts.total).toBeGreaterThanOrEqual(1)
    expect(await codes(actors.operator!)).toContain(report.publicCode)
    expect(await codes(actors.admin!)).toContain(report.publicCode)
    expect(await codes(ambiente)).not.toContain(report.publicCode)
    expect(await errorCode(listReopenAlerts(actors.civil_protection!))).toBe('forbidden')

    // The staff timeline says who reopened it and which office was alerted.
    const staffView = await getReportForStaff(lavori, report.id)
    expect(staffView!.reopenAlertAt).toBeInstanceOf(Date)
    const reopening = staffView!.timeline.at(-1)!
    expect(reopening).toMatchObject({ visibility: 'public', fromStatus: 'resolved', toStatus: 'taken', actorLabel: 'Cittadino' })
    expect(reopening.details).toMatchObject({ reopened: true, alertedOfficeId: lavori.officeId })
  })

  it('stays until someone who may work on it takes notice; that is in the internal timeline only', async () => {
    const report = await reopenedReport()
    // Another office cannot clear it (nor learn that the report exists).
    expect(await errorCode(acknowledgeReopenAlert(ambiente, report.id))).toBe('not_found')
    expect(await codes(lavori)).toContain(report.publicCode)

    await acknowledgeReopenAlert(lavori, report.id)
    expect(await codes(lavori)).not.toContain(report.publicCode)
    expect(await codes(actors.operator!)).not.toContain(report.publicCode)
    expect(await errorCode(acknowledgeReopenAlert(lavori, report.id))).toBe('conflict')
    const seen = (await getReportForStaff(actors.operator!, report.id))!.timeline.at(-1)!
    expect(seen).toMatchObject({ visibility: 'internal', actorLabel: lavori.name, note: 'Presa visione della riapertura chiesta dal cittadino.' })
    const publicTimeline = (await getPublicReport(report.publicCode, alice))!.timeline
    expect(JSON.stringify(publicTimeline)).not.toContain('Presa visione')
  })

  it('a status change answers it; routing it elsewhere hands the alert to the new office', async () => {
    const moved = await reopenedReport()
    await reassignReport(actors.operator!, moved.id, { officeId: ambiente.officeId })
    expect(await codes(ambiente)).toContain(moved.publicCode)
    expect(await codes(lavori)).not.toContain(moved.publicCode)

    const handled = await reopenedReport()
    await changeReportStatus(lavori, handled.id, { status: 'scheduled', publicNote: 'Torniamo giovedì.' })
    expect(await codes(lavori)).not.toContain(handled.publicCode)
  })

  it('"Sì, è risolto" alerts nobody', async () => {
    const report = await submitReport(alice, { categoryId: strade, title: 'Buca risolta', description: 'Una buca.', latitude: 43.4661, longitude: 11.8822, idempotencyKey: `reopen-yes-${Date.now()}` })
    await changeReportStatus(lavori, report.id, { status: 'resolved' })
    await answerResolution(alice, report.publicCode, { answer: 'yes' })
    expect(await codes(lavori)).not.toContain(report.publicCode)
    expect((await getReportForStaff(lavori, report.id))!.reopenAlertAt).toBeNull()
  })
})
