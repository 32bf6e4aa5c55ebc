import 'server-only'
import { and, asc, desc, eq, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { open311Clients, open311Requests } from '@/db/schema/open311'
import { categories, replyTemplates, reportEvents, reportFollowers, reportPhotos, reports } from '@/db/schema/reports'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { AppError } from '../errors'
import { romeWallClock } from '../time/rome-clock'
import type { StaffActor } from '../auth/actor'
import { assertReportStaff, canSeeReport } from './report-access'
import type { StaffReportFilter } from './schemas'
import { reportPhotoUrl } from './upload-report-photo'

/** Rows per page of the triage list: enough for a morning's triage, light on a phone. */
export const TRIAGE_PAGE_SIZE = 50

/** The triage inbox: operators and admins see every report, office staff their office's only. One page of it. */
export async function listReportsForStaff(actor: StaffActor, filter: StaffReportFilter, now = new Date(), pageSize = TRIAGE_PAGE_SIZE) {
  assertReportStaff(actor)
  const db = await getDb()
  const conditions = staffReportConditions(actor, filter, now)
  return db
    .select({
      id: reports.id,
      publicCode: reports.publicCode,
      title: reports.title,
      address: reports.address,
      latitude: reports.latitude,
      longitude: reports.longitude,
      categoryName: categories.name,
      officeName: offices.name,
      status: reports.status,
      state: reports.state,
      priority: reports.priority,
      dueDate: reports.dueDate,
      reopenCount: reports.reopenCount,
      createdAt: reports.createdAt,
      assigneeName: staffUsers.name,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .leftJoin(staffUsers, eq(staffUsers.id, reports.assigneeId))
    .where(conditions.length ? and(...conditions) : undefined)
    // The id last, so that pages never overlap or skip rows that tie on everything else.
    .orderBy(sql`case ${reports.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`, asc(reports.dueDate), desc(reports.createdAt), asc(reports.id))
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize)
}

/** How many reports the triage filter matches (for "1–50 di 1.234" and the page links). */
export async function countReportsForStaff(actor: StaffActor, filter: StaffReportFilter, now = new Date()): Promise<number> {
  assertReportStaff(actor)
  const db = await getDb()
  const conditions = staffReportConditions(actor, filter, now)
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(conditions.length ? and(...conditions) : undefined)
  return row?.n ?? 0
}

function staffReportConditions(actor: StaffActor, filter: StaffReportFilter, now: Date): SQL[] {
  const conditions: SQL[] = []
  if (actor.role === 'office') conditions.push(eq(reports.officeId, actor.officeId ?? -1))
  if (filter.state === 'open') conditions.push(ne(reports.state, 'closed'))
  else if (filter.state !== 'all') conditions.push(eq(reports.state, filter.state))
  if (filter.categoryId) conditions.push(eq(reports.categoryId, filter.categoryId))
  if (filter.officeId) conditions.push(eq(reports.officeId, filter.officeId))
  if (filter.priority) conditions.push(eq(reports.priority, filter.priority))
  if (filter.olderThanDays) conditions.push(lt(reports.createdAt, new Date(now.getTime() - filter.olderThanDays * 86_400_000)))
  if (filter.overdue) conditions.push(and(ne(reports.state, 'closed'), lt(reports.dueDate, romeWallClock(now).date))!)
  if (filter.q) {
    const q = `%${filter.q.replace(/[%_\\]/g, '')}%`
    conditions.push(or(ilike(reports.publicCode, q), ilike(reports.title, q), ilike(reports.address, q))!)
  }
  return conditions
}

/** One report with everything staff need: contact, full timeline, all photos, who can take it. */
export async function getReportForStaff(actor: StaffActor, reportId: string) {
  assertReportStaff(actor)
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null
  const db = await getDb()
  const [report] = await db
    .select({
      report: reports,
      categoryName: categories.name,
      extraQuestions: categories.extraQuestions,
      officeName: offices.name,
      assigneeName: staffUsers.name,
      open311: { clientName: open311Clients.name, accountId: open311Requests.accountId, deviceId: open311Requests.deviceId, mediaUrls: open311Requests.mediaUrls },
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .leftJoin(staffUsers, eq(staffUsers.id, reports.assigneeId))
    .leftJoin(open311Requests, eq(open311Requests.reportId, reports.id))
    .leftJoin(open311Clients, eq(open311Clients.id, open311Requests.clientId))
    .where(eq(reports.id, reportId))
  if (!report || !canSeeReport(actor, report.report)) return null
  const r = report.report
  const [timeline, photos, followers, templates, people, officeList, mergedInto, duplicates] = await Promise.all([
    db.select().from(reportEvents).where(eq(reportEvents.reportId, r.id)).orderBy(asc(reportEvents.at), asc(reportEvents.id)),
    db.select({ id: reportPhotos.id, state: reportPhotos.state, width: reportPhotos.width, height: reportPhotos.height }).from(reportPhotos).where(eq(reportPhotos.reportId, r.id)).orderBy(asc(reportPhotos.sortOrder)),
    db.select({ n: sql<number>`count(*)::int` }).from(reportFollowers).where(eq(reportFollowers.reportId, r.id)),
    db
      .select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body })
      .from(replyTemplates)
      .where(or(eq(replyTemplates.categoryId, r.categoryId), sql`${replyTemplates.categoryId} is null`))
      .orderBy(asc(replyTemplates.sortOrder)),
    db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), or(eq(staffUsers.officeId, r.officeId), inArray(staffUsers.role, ['operator', 'admin']))))
      .orderBy(asc(staffUsers.name)),
    db.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.active, true)).orderBy(asc(offices.sortOrder)),
    r.mergedIntoId ? db.select({ id: reports.id, publicCode: reports.publicCode }).from(reports).where(eq(reports.id, r.mergedIntoId)) : Promise.resolve([]),
    db.select({ id: reports.id, publicCode: reports.publicCode }).from(reports).where(eq(reports.mergedIntoId, r.id)),
  ])
  const known = new Set(report.extraQuestions.map((q) => q.code))
  return {
    ...r,
    /** Each answer under its question as the citizen read it, in the form's order; a question since removed keeps its code. */
    answerList: [
      ...report.extraQuestions.filter((q) => r.answers[q.code] !== undefined).map((q) => ({ code: q.code, label: q.label, answer: r.answers[q.code]! })),
      ...Object.entries(r.answers).filter(([code]) => !known.has(code)).map(([code, answer]) => ({ code, label: code, answer })),
    ],
    /**
     * What an Open311 client sent besides the report. Its media_url values are links for staff to
     * open in their browser: the server never fetches them (they could point anywhere, inside too).
     */
    open311: report.open311?.clientName
      ? { ...report.open311, mediaUrls: (report.open311.mediaUrls ?? []).filter((u) => /^https?:\/\//i.test(u)) }
      : null,
    categoryName: report.categoryName,
    officeName: report.officeName,
    assigneeName: report.assigneeName,
    timeline,
    photos: photos.map((p) => ({ ...p, url: reportPhotoUrl(p.id) })),
    followers: followers[0]?.n ?? 0,
    templates,
    people,
    offices: officeList,
    mergedInto: mergedInto[0] ?? null,
    duplicates,
  }
}

export async function getReportForStaffOrThrow(actor: StaffActor, reportId: string) {
  const report = await getReportForStaff(actor, reportId)
  if (!report) throw new AppError('not_found', 'Segnalazione non trovata.')
  return report
}

/** Choices for the inbox filters. */
export async function listReportFilterOptions(actor: StaffActor) {
  assertReportStaff(actor)
  const db = await getDb()
  const [categoryList, officeList] = await Promise.all([
    db
      .select({ id: categories.id, name: categories.name, officeName: offices.name, targetWorkingDays: categories.targetWorkingDays })
      .from(categories)
      .innerJoin(offices, eq(offices.id, categories.officeId))
      .orderBy(asc(categories.sortOrder)),
    db.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.active, true)).orderBy(asc(offices.sortOrder)),
  ])
  return { categories: categoryList, offices: officeList }
}
