import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { categories, reportFollowers, reportPhotos, reports } from '@/db/schema/reports'
import { comuneSettings, offices } from '@/db/schema/comune'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, getBoss, startJobs, stopJobs } from '../jobs/boss'
import { PURGE_ABANDONED_PHOTOS, registerHousekeeping } from '../jobs/housekeeping'
import { FANOUT_QUEUE } from '../notify/notify'
import { localDiskStorage } from '../storage/local-disk-storage'
import { getStorage, useStorage } from '../storage/get-storage'
import type { FileKey } from '../storage/file-key-shared'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { answerResolution } from './answer-resolution'
import { changeReportStatus } from './change-report-status'
import { exportReportsCsv } from './export-reports-csv'
import { followReport } from './follow-report'
import { mergeReport, reassignReport, reviewReportPhoto } from './handle-report'
import { getPublicReport, listNearbyOpenReports, listPublicReports } from './public-reports'
import { purgeAbandonedReportPhotos } from './purge-abandoned-photos'
import { readReportPhoto } from './read-report-photo'
import { getReportStats } from './report-stats'
import { getReportForStaff, listReportsForStaff } from './staff-reports'
import { submitReport } from './submit-report'
import { uploadReportPhoto } from './upload-report-photo'
import { dueDateFor } from './working-days-shared'
import { errorCode, newCitizen as createCitizen } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
let alice: CitizenActor
let bob: CitizenActor
let strade: number
let ambienteOffice: StaffActor

const newCitizen = () => createCitizen(database.current().db)

beforeAll(async () => {
  useStorage(localDiskStorage(mkdtempSync(path.join(tmpdir(), 'filo-reports-'))))
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  await registerHousekeeping(boss, database.current().db)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  const [amb] = await db.select().from(offices).where(eq(offices.slug, 'ambiente'))
  ambienteOffice = { kind: 'staff', id: crypto.randomUUID(), email: 'a@x.it', name: 'Ufficio Ambiente', role: 'office', officeId: amb!.id }
  alice = await newCitizen()
  bob = await newCitizen()
  const [cat] = await db.select().from(categories).where(eq(categories.slug, 'strade-viabilita'))
  strade = cat!.id
})

afterAll(async () => {
  await stopJobs()
})

let n = 0
const send = (who: CitizenActor, extra: Record<string, unknown> = {}) =>
  submitReport(who, {
    categoryId: strade,
    title: 'Buca',
    description: 'Una buca profonda.',
    latitude: 43.4661,
    longitude: 11.8822,
    contactEmail: 'alice@example.org',
    contactPhone: '+39 333 1234567',
    idempotencyKey: `handle-${++n}-${Date.now()}`,
    ...extra,
  })


describe('photos', () => {
  it('are re-encoded without EXIF or GPS, and public only once approved', async () => {
    const original = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Telefono', Model: 'Segreto' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 28/1 0/1' } })
      .toBuffer()
    expect((await sharp(original).metadata()).exif).toBeDefined()
    const photo = await uploadReportPhoto(alice, original)
    expect(Math.max(photo.width, photo.height)).toBe(1600)
    const stored = await readReportPhoto(photo.id, { staff: null, citizen: alice })
    const meta = await sharp(Buffer.from(stored!.bytes)).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.format).toBe('jpeg')
    // Only the uploader sees it before the report is sent.
    expect(await readReportPhoto(photo.id, { staff: null, citizen: bob })).toBeNull()

    const report = await send(alice, { photoIds: [photo.id] })
    expect(await readReportPhoto(photo.id, { staff: null, citizen: null })).toBeNull()
    expect((await getPublicReport(report.publicCode, null))!.photos).toEqual([])
    expect(await readReportPhoto(photo.id, { staff: ambienteOffice, citizen: null })).toBeNull()
    expect(await readReportPhoto(photo.id, { staff: actors.office!, citizen: null })).not.toBeNull()
    await reviewReportPhoto(actors.office!, report.id, { photoId: photo.id, state: 'approved' })
    expect(await readReportPhoto(photo.id, { staff: null, citizen: null })).not.toBeNull()
    expect((await getPublicReport(report.publicCode, null))!.photos).toHaveLength(1)
    // A photo already attached cannot be attached to another report.
    expect(await errorCode(send(alice, { photoIds: [photo.id] }))).toBe('invalid_input')
    // Nor can another citizen's photo.
    const bobs = await uploadReportPhoto(bob, original)
    expect(await errorCode(send(alice, { photoIds: [bobs.id] }))).toBe('invalid_input')
  })

  it('a photo not yet sent with a report is the uploader’s alone, and is deleted after a day if never sent', async () => {
    const { db } = database.current()
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } }).jpeg().toBuffer()
    const draft = await uploadReportPhoto(alice, jpeg)
    expect(await readReportPhoto(draft.id, { staff: null, citizen: alice })).not.toBeNull()
    // No staff member handles a draft: not even an operator or an administrator sees it.
    for (const role of ['admin', 'operator', 'office'] as const) expect(await readReportPhoto(draft.id, { staff: actors[role]!, citizen: null }), role).toBeNull()
    expect(await readReportPhoto(draft.id, { staff: null, citizen: bob })).toBeNull()

    const now = new Date()
    const [fileKey] = await db.select({ fileKey: reportPhotos.fileKey }).from(reportPhotos).where(eq(reportPhotos.id, draft.id))
    const recent = await uploadReportPhoto(alice, jpeg)
    const sentLater = await uploadReportPhoto(alice, jpeg)
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000)
    await db.update(reportPhotos).set({ createdAt: twoDaysAgo }).where(inArray(reportPhotos.id, [draft.id, sentLater.id]))
    await send(alice, { photoIds: [sentLater.id] })
    // The hourly job, as pg-boss runs it: only the day-old photo of a report never sent goes, row and file.
    expect(await purgeAbandonedReportPhotos(db, now)).toBe(1)
    const left = (await db.select({ id: reportPhotos.id }).from(reportPhotos).where(inArray(reportPhotos.id, [draft.id, recent.id, sentLater.id]))).map((r) => r.id)
    expect(left.sort()).toEqual([recent.id, sentLater.id].sort())
    expect(await readReportPhoto(draft.id, { staff: null, citizen: alice })).toBeNull()
    expect(await getStorage().readFile(fileKey!.fileKey as FileKey)).toBeNull()
    expect(await readReportPhoto(sentLater.id, { staff: actors.operator!, citizen: null })).not.toBeNull()
    // Sending a draft whose photo was purged says so, and creates nothing.
    expect(await errorCode(send(alice, { photoIds: [draft.id] }))).toBe('invalid_input')

    // The job is registered with pg-boss on a schedule, like the other housekeeping.
    const boss = await getBoss()
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(PURGE_ABANDONED_PHOTOS)
  })

  it('refuses a file that claims to be an image but is not, an empty file and a huge one', async () => {
    const before = (await database.current().db.select().from(reportPhotos)).length
    expect(await errorCode(uploadReportPhoto(alice, new TextEncoder().encode('<html>not a photo</html>')))).toBe('invalid_input')
    const fakeJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('definitely not a jpeg body')])
    expect(await errorCode(uploadReportPhoto(alice, fakeJpeg))).toBe('invalid_input')
    expect(await errorCode(uploadReportPhoto(alice, new Uint8Array()))).toBe('invalid_input')
    expect(await errorCode(uploadReportPhoto(alice, new Uint8Array(50 * 1024 * 1024)))).toBe('invalid_input')
    expect((await database.current().db.select().from(reportPhotos)).length).toBe(before)
  })
})

describe('privacy', () => {
  it('no citizen view carries the reporter or their contact; staff see the contact; exports leave it out', async () => {
    const report = await send(alice)
    const asBob = await getPublicReport(report.publicCode, bob)
    const json = JSON.stringify([asBob, await listPublicReports({ status: 'all' }), await listNearbyOpenReports({ categoryId: strade, lat: 43.4661, lon: 11.8822 }, bob)])
    expect(json).not.toContain('alice@example.org')
    expect(json).not.toContain('333 1234567')
    expect(json).not.toContain(alice.id)
    expect(asBob!.isReporter).toBe(false)
    const staffView = await getReportForStaff(actors.operator!, report.id)
    expect(staffView!.contactEmail).toBe('alice@example.org')
    const csv = await exportReportsCsv(actors.operator!, new Date(Date.now() - 86_400_000))
    expect(csv).toContain(report.publicCode)
    expect(csv).not.toContain('alice@example.org')
  })

  it('office staff see only what is routed to their office, and a forged office id changes nothing', async () => {
    const report = await send(alice)
    expect(await getReportForStaff(ambienteOffice, report.id)).toBeNull()
    expect((await listReportsForStaff(ambienteOffice, { state: 'all' })).some((r) => r.id === report.id)).toBe(false)
    expect((await listReportsForStaff(actors.office!, { state: 'all' })).some((r) => r.id === report.id)).toBe(true)
    expect(await errorCode(reassignReport(actors.operator!, report.id, { officeId: 999_999 }))).toBe('invalid_input')
    const moved = await reassignReport(actors.operator!, report.id, { officeId: ambienteOffice.officeId })
    expect(moved.officeId).toBe(ambienteOffice.officeId)
    expect(await getReportForStaff(actors.office!, report.id)).toBeNull()
    expect(await getReportForStaff(ambienteOffice, report.id)).not.toBeNull()
    const timeline = (await getReportForStaff(actors.operator!, report.id))!.timeline
    expect(timeline.filter((e) => e.kind === 'routing')).toHaveLength(2)
  })

  it('a citizen cannot answer for another citizen’s report', async () => {
    const report = await send(alice)
    await changeReportStatus(actors.office!, report.id, { status: 'resolved' })
    expect(await errorCode(answerResolution(bob, report.publicCode, { answer: 'no' }))).toBe('not_found')
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, report.id))
    expect(row!.status).toBe('resolved')
  })
})

describe('follow-up', () => {
  it('"No, non è risolto" reopens the report once and raises its priority; a second answer is refused', async () => {
    const report = await send(alice)
    await changeReportStatus(actors.office!, report.id, { status: 'resolved', publicNote: 'Fatto.' })
    expect((await getPublicReport(report.publicCode, alice))!.askResolution).toBe(true)
    expect((await getPublicReport(report.publicCode, bob))!.askResolution).toBe(false)
    expect(await answerResolution(alice, report.publicCode, { answer: 'no', note: 'La buca è ancora lì.' })).toEqual({ reopened: true })
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, report.id))
    expect(row).toMatchObject({ status: 'taken', state: 'in_progress', priority: 'high', reopenCount: 1, resolutionAnswer: 'no', closedAt: null })
    expect(await errorCode(answerResolution(alice, report.publicCode, { answer: 'yes' }))).toBe('conflict')
    const view = await getPublicReport(report.publicCode, alice)
    expect(view!.askResolution).toBe(false)
    expect(view!.timeline.at(-1)!.note).toContain('La buca è ancora lì.')
  })

  it('"No" tells every other follower of the reopening and counts the expected date again from the reopening', async () => {
    const { db } = database.current()
    const report = await send(alice)
    const carol = await newCitizen()
    await followReport(carol, report.publicCode)
    await changeReportStatus(actors.office!, report.id, { status: 'resolved', publicNote: 'Fatto.' })
    // Answered weeks after the report was filed: the first expected date is long past by then.
    const reopenedAt = new Date('2027-03-01T09:00:00Z')
    await answerResolution(alice, report.publicCode, { answer: 'no' }, reopenedAt)
    const [category] = await db.select().from(categories).where(eq(categories.id, strade))
    const [comune] = await db.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings)
    const expected = dueDateFor(reopenedAt, category!.targetWorkingDays, comune!.patronDay)
    expect(expected > report.dueDate).toBe(true)
    const [row] = await db.select().from(reports).where(eq(reports.id, report.id))
    expect(row!.dueDate).toBe(expected)
    expect((await getPublicReport(report.publicCode, carol))!.dueDate).toBe(expected)

    const told = await db
      .select({ citizenId: notifications.citizenId, title: notifications.title, body: notifications.body })
      .from(notifications)
      .innerJoin(inboxItems, eq(inboxItems.notificationId, notifications.id))
      .where(and(eq(notifications.sourceId, report.id), eq(notifications.title, `${report.publicCode}: Presa in carico`)))
    // Carol, who followed it, hears of it in her inbox (and by push); Alice, who answered, does not.
    expect(told.map((t) => t.citizenId)).toEqual([carol.id])
    const [y, m, d] = expected.split('-')
    expect(told[0]!.body).toBe(`Chi l’ha segnalata dice che il problema non è risolto: la segnalazione è stata riaperta. Nuova data prevista: ${d}/${m}/${y}.`)
  })

  it('staff taking up a closed report again count the expected date anew, and followers read it', async () => {
    const { db } = database.current()
    const report = await send(alice)
    await changeReportStatus(actors.office!, report.id, { status: 'closed', publicNote: 'Chiusa.' })
    const takenAt = new Date('2027-06-07T08:00:00Z')
    await changeReportStatus(actors.office!, report.id, { status: 'taken', publicNote: 'Ripresa in carico.' }, takenAt)
    const [category] = await db.select().from(categories).where(eq(categories.id, strade))
    const [comune] = await db.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings)
    const expected = dueDateFor(takenAt, category!.targetWorkingDays, comune!.patronDay)
    const [row] = await db.select().from(reports).where(eq(reports.id, report.id))
    expect(row).toMatchObject({ status: 'taken', dueDate: expected, closedAt: null })
    const [note] = await db.select({ body: notifications.body }).from(notifications).where(and(eq(notifications.sourceId, report.id), eq(notifications.title, `${report.publicCode}: Presa in carico`)))
    const [y, m, d] = expected.split('-')
    expect(note!.body).toBe(`Ripresa in carico. Nuova data prevista: ${d}/${m}/${y}.`)
    // A move between open statuses keeps the date.
    await changeReportStatus(actors.office!, report.id, { status: 'scheduled' }, new Date('2027-09-01T08:00:00Z'))
    expect((await db.select().from(reports).where(eq(reports.id, report.id)))[0]!.dueDate).toBe(expected)
  })

  it('"Segnala anche tu" and merging: followers carry over to the original', async () => {
    const original = await send(alice)
    const duplicate = await send(bob)
    const nearby = await listNearbyOpenReports({ categoryId: strade, lat: 43.4662, lon: 11.8823 }, bob)
    expect(nearby.map((r) => r.publicCode)).toContain(original.publicCode)
    const carol = await newCitizen()
    await followReport(carol, duplicate.publicCode)
    const merged = await mergeReport(actors.operator!, duplicate.id, { targetCode: original.publicCode })
    expect(merged.followersMoved).toBe(2)
    const followers = await database.current().db.select().from(reportFollowers).where(eq(reportFollowers.reportId, original.id))
    expect(followers.map((f) => f.citizenId).sort()).toEqual([alice.id, bob.id, carol.id].sort())
    const dupView = await getPublicReport(duplicate.publicCode, bob)
    expect(dupView).toMatchObject({ status: 'duplicate', mergedIntoCode: original.publicCode })
    expect(await errorCode(mergeReport(actors.operator!, original.id, { targetCode: original.publicCode }))).toBe('invalid_input')
    expect(await errorCode(mergeReport(actors.operator!, original.id, { targetCode: 'SEG-1999-000001' }))).toBe('invalid_input')
  })

  it('counts by category, office and status include time to close', async () => {
    const stats = await getReportStats(actors.operator!, new Date(Date.now() - 86_400_000))
    expect(stats.total!.total).toBeGreaterThan(0)
    expect(stats.byStatus.find((s) => s.key === 'duplicate')!.label).toBe('Duplicata')
    const closedStrade = stats.byCategory.find((c) => c.label.startsWith('Strade'))!
    expect(closedStrade.closed).toBeGreaterThan(0)
    expect(closedStrade.medianDays).not.toBeNull()
  })
})
