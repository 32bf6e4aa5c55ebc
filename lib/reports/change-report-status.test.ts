import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { citizens } from '@/db/schema/citizens'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { categories, reportEvents, reports } from '@/db/schema/reports'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { changeReportStatus } from './change-report-status'
import { submitReport } from './submit-report'
import { allowedTransitions, canTransition, REPORT_STATUSES, stateOfStatus } from './status-shared'
import { errorCode } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
let otherOffice: StaffActor
let citizen: CitizenActor
let strade: number

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
  const [ambiente] = await db.select().from(offices).where(eq(offices.slug, 'ambiente'))
  otherOffice = { kind: 'staff', id: crypto.randomUUID(), email: 'amb@x.it', name: 'Ambiente', role: 'office', officeId: ambiente!.id }
  const [row] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
  citizen = { kind: 'citizen', id: row!.id, locale: 'it' }
  const [cat] = await db.select().from(categories).where(eq(categories.slug, 'strade-viabilita'))
  strade = cat!.id
})

afterAll(async () => {
  await stopJobs()
})

let n = 0
async function newReport() {
  return submitReport(citizen, {
    categoryId: strade,
    title: 'Buca',
    description: 'Una buca profonda.',
    latitude: 43.4661,
    longitude: 11.8822,
    idempotencyKey: `state-${++n}-${Date.now()}`,
  })
}


describe('report state machine', () => {
  it('every status belongs to one queue, and closed reports can only be taken up again', () => {
    for (const status of REPORT_STATUSES) expect(stateOfStatus[status]).toBeDefined()
    expect(canTransition('received', 'taken')).toBe(true)
    expect(canTransition('received', 'duplicate')).toBe(false)
    expect(allowedTransitions('closed')).toEqual(['taken'])
    expect(allowedTransitions('duplicate')).toEqual([])
  })

  it('the office takes a report, schedules it and resolves it; the citizen is told each public step', async () => {
    const report = await newReport()
    const office = actors.office!
    expect(await changeReportStatus(office, report.id, { status: 'taken', publicNote: 'Ce ne occupiamo noi.' })).toEqual({ status: 'taken', state: 'in_progress' })
    expect(await changeReportStatus(office, report.id, { status: 'scheduled', internalNote: 'Squadra B giovedì.' })).toEqual({ status: 'scheduled', state: 'waiting' })
    expect(await changeReportStatus(office, report.id, { status: 'resolved', publicNote: 'Buca chiusa.' })).toEqual({ status: 'resolved', state: 'closed' })
    const { db } = database.current()
    const [row] = await db.select().from(reports).where(eq(reports.id, report.id))
    expect(row).toMatchObject({ status: 'resolved', state: 'closed', resolutionAnswer: null })
    expect(row!.closedAt).not.toBeNull()
    expect(row!.resolutionAskedAt).not.toBeNull()
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id))
    expect(events.filter((e) => e.visibility === 'internal').map((e) => e.note)).toContain('Squadra B giovedì.')
    const told = await db
      .select({ title: notifications.title, body: notifications.body })
      .from(inboxItems)
      .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
      .where(and(eq(inboxItems.citizenId, citizen.id), eq(notifications.sourceId, report.id)))
    expect(told.map((t) => t.title)).toEqual([
      `Segnalazione ricevuta: ${report.publicCode}`,
      `${report.publicCode}: Presa in carico`,
      `${report.publicCode}: Programmata`,
      `${report.publicCode}: Risolta`,
    ])
    // Internal notes never reach the citizen.
    expect(told.some((t) => t.body.includes('Squadra B'))).toBe(false)
    expect(told.at(-1)!.body).toContain('È stato risolto?')
  })

  it('refuses moves the state machine does not allow, and changes nothing', async () => {
    const report = await newReport()
    const operator = actors.operator!
    expect(await errorCode(changeReportStatus(operator, report.id, { status: 'duplicate' }))).toBe('invalid_input')
    expect(await errorCode(changeReportStatus(operator, report.id, { status: 'not_competent' }))).toBe('invalid_input')
    expect(await errorCode(changeReportStatus(operator, report.id, { status: 'bogus' as never }))).toBe('invalid_input')
    await changeReportStatus(operator, report.id, { status: 'closed' })
    expect(await errorCode(changeReportStatus(operator, report.id, { status: 'scheduled' }))).toBe('conflict')
    expect(await errorCode(changeReportStatus(operator, report.id, { status: 'taken', publicNote: '<b>riaperta</b>' }))).toBe('invalid_input')
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, report.id))
    expect(row!.status).toBe('closed')
  })

  it('office staff cannot touch a report routed to another office; other roles cannot at all', async () => {
    const report = await newReport()
    expect(await errorCode(changeReportStatus(otherOffice, report.id, { status: 'taken' }))).toBe('not_found')
    expect(await errorCode(changeReportStatus(actors.civil_protection!, report.id, { status: 'taken' }))).toBe('forbidden')
    expect(await errorCode(changeReportStatus(actors.office!, '00000000-0000-4000-8000-000000000000', { status: 'taken' }))).toBe('not_found')
    expect(await errorCode(changeReportStatus(actors.office!, 'not-a-uuid', { status: 'taken' }))).toBe('not_found')
  })
})
