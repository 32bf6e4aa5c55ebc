import 'server-only'
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import { categories, reportEvents, reportFollowers, reportPhotos, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import type { CitizenActor } from '../citizens/actor'
import { boundingBox, distanceMeters } from './geo-shared'
import { reportPhotoUrl } from './upload-report-photo'
import { isOpenStatus, isReportStatus } from './status-shared'

/**
 * What anyone may read of reports: place, category, title, details, status, public timeline
 * and approved photos. Never the reporter, their contact, internal notes or unapproved photos.
 */
const publicColumns = {
  id: reports.id,
  publicCode: reports.publicCode,
  categoryId: reports.categoryId,
  categoryName: categories.name,
  title: reports.title,
  description: reports.description,
  latitude: reports.latitude,
  longitude: reports.longitude,
  address: reports.address,
  status: reports.status,
  state: reports.state,
  dueDate: reports.dueDate,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
  closedAt: reports.closedAt,
}

async function approvedPhotos(reportIds: string[]) {
  if (!reportIds.length) return new Map<string, Array<{ id: string; url: string }>>()
  const db = await getDb()
  const rows = await db
    .select({ id: reportPhotos.id, reportId: reportPhotos.reportId })
    .from(reportPhotos)
    .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.state, 'approved')))
    .orderBy(asc(reportPhotos.sortOrder))
  const byReport = new Map<string, Array<{ id: string; url: string }>>()
  for (const row of rows) {
    if (!row.reportId) continue
    const list = byReport.get(row.reportId) ?? []
    list.push({ id: row.id, url: reportPhotoUrl(row.id) })
    byReport.set(row.reportId, list)
  }
  return byReport
}

/** Reports per page of the public list and map: the same size as the staff triage list. */
export const PUBLIC_PAGE_SIZE = 50

export type PublicReportFilter = { categoryId?: number; status: 'open' | 'closed' | 'all'; page?: number }

function publicListConditions(filter: PublicReportFilter): SQL[] {
  const conditions: SQL[] = [ne(reports.status, 'duplicate')]
  if (filter.categoryId) conditions.push(eq(reports.categoryId, filter.categoryId))
  if (filter.status === 'open') conditions.push(ne(reports.state, 'closed'))
  if (filter.status === 'closed') conditions.push(eq(reports.state, 'closed'))
  return conditions
}

/** One page of the public map and list, newest first: filters by category and open/closed; merged duplicates are left out. */
export async function listPublicReports(filter: PublicReportFilter, pageSize = PUBLIC_PAGE_SIZE) {
  const db = await getDb()
  const rows = await db
    .select(publicColumns)
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .where(and(...publicListConditions(filter)))
    // The id last, so that pages never overlap or skip reports made in the same instant.
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize)
  const photos = await approvedPhotos(rows.map((r) => r.id))
  return rows.map((r) => ({ ...r, photos: photos.get(r.id) ?? [] }))
}

/** How many reports the public filter matches, for "N segnalazioni · mostrate 1–50" and the page links. */
export async function countPublicReports(filter: PublicReportFilter): Promise<number> {
  const db = await getDb()
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(...publicListConditions(filter)))
  return row?.n ?? 0
}

/**
 * "Negli ultimi 12 mesi sono state risolte N segnalazioni", counted by the resolution itself:
 * a report moved to "Risolta" in the last 12 months counts, also when staff closed it
 * ("Chiusa") afterwards. It does not count when it was taken up again after that resolution
 * (the citizen said "No", or staff reopened it) and not resolved since.
 */
export async function countResolvedLastYear(now = new Date()): Promise<number> {
  const db = await getDb()
  const since = new Date(now)
  since.setUTCFullYear(since.getUTCFullYear() - 1)
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(
      and(
        inArray(reports.status, ['resolved', 'closed']),
        sql`exists (
          select 1 from ${reportEvents} resolution
          where resolution.report_id = ${reports.id}
            and resolution.to_status = 'resolved'
            and resolution.at >= ${since.toISOString()}::timestamptz
            and not exists (
              select 1 from ${reportEvents} later
              where later.report_id = ${reports.id}
                and later.id > resolution.id
                and later.to_status is not null
                and later.to_status not in ('resolved', 'closed')
            )
        )`,
      ),
    )
  return row?.n ?? 0
}

/**
 * Open reports of the same category near a point, nearest first, within the category's radius:
 * shown before sending so the citizen can follow one instead of filing a duplicate.
 */
export async function listNearbyOpenReports(input: { categoryId: number; lat: number; lon: number }, citizen: CitizenActor | null) {
  const db = await getDb()
  const [category] = await db.select({ radius: categories.duplicateRadiusMeters }).from(categories).where(eq(categories.id, input.categoryId))
  if (!category) return []
  const center = { lat: input.lat, lon: input.lon }
  const box = boundingBox(center, category.radius)
  const rows = await db
    .select(publicColumns)
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .where(
      and(
        eq(reports.categoryId, input.categoryId),
        ne(reports.state, 'closed'),
        sql`${reports.latitude} between ${box.minLat} and ${box.maxLat}`,
        sql`${reports.longitude} between ${box.minLon} and ${box.maxLon}`,
      ),
    )
    .limit(50)
  const near = rows
    .map((r) => ({ ...r, distance: Math.round(distanceMeters(center, { lat: r.latitude, lon: r.longitude })) }))
    .filter((r) => r.distance <= category.radius)
    .sort((a, b) => a.distance - b.distance || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, 5)
  const photos = await approvedPhotos(near.map((r) => r.id))
  const following = citizen && near.length
    ? new Set(
        (await db.select({ reportId: reportFollowers.reportId }).from(reportFollowers).where(and(eq(reportFollowers.citizenId, citizen.id), inArray(reportFollowers.reportId, near.map((r) => r.id))))).map(
          (f) => f.reportId,
        ),
      )
    : new Set<string>()
  return near.map((r) => ({ ...r, photos: photos.get(r.id) ?? [], following: following.has(r.id) }))
}

/** One report as a citizen sees it; the reporter also sees their own photos awaiting approval. */
export async function getPublicReport(publicCode: string, citizen: CitizenActor | null) {
  if (!/^SEG-\d{4}-\d{6}$/.test(publicCode)) return null
  const db = await getDb()
  const [row] = await db
    .select({ ...publicColumns, citizenId: reports.citizenId, mergedIntoId: reports.mergedIntoId, resolutionAskedAt: reports.resolutionAskedAt, resolutionAnswer: reports.resolutionAnswer })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .where(eq(reports.publicCode, publicCode))
  if (!row) return null
  const isReporter = citizen !== null && row.citizenId === citizen.id
  const [follow] = citizen
    ? await db.select({ via: reportFollowers.via }).from(reportFollowers).where(and(eq(reportFollowers.reportId, row.id), eq(reportFollowers.citizenId, citizen.id)))
    : []
  const timeline = await db
    .select({ id: reportEvents.id, at: reportEvents.at, kind: reportEvents.kind, fromStatus: reportEvents.fromStatus, toStatus: reportEvents.toStatus, note: reportEvents.note })
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, row.id), eq(reportEvents.visibility, 'public')))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id))
  const photoRows = await db
    .select({ id: reportPhotos.id, state: reportPhotos.state })
    .from(reportPhotos)
    .where(eq(reportPhotos.reportId, row.id))
    .orderBy(asc(reportPhotos.sortOrder))
  const photos = photoRows.filter((p) => p.state === 'approved' || (isReporter && p.state === 'pending')).map((p) => ({ id: p.id, url: reportPhotoUrl(p.id), pending: p.state !== 'approved' }))
  const [mergedInto] = row.mergedIntoId ? await db.select({ publicCode: reports.publicCode }).from(reports).where(eq(reports.id, row.mergedIntoId)) : []
  const { citizenId: _reporter, resolutionAskedAt, resolutionAnswer, mergedIntoId: _merged, ...publicRow } = row
  void _reporter
  void _merged
  return {
    ...publicRow,
    open: isReportStatus(row.status) ? isOpenStatus(row.status) : true,
    timeline,
    photos,
    mergedIntoCode: mergedInto?.publicCode ?? null,
    isReporter,
    following: Boolean(follow),
    /** The reporter is asked once, after it is closed as resolved. */
    askResolution: isReporter && row.status === 'resolved' && resolutionAskedAt !== null && resolutionAnswer === null,
    resolutionAnswer: isReporter ? resolutionAnswer : null,
  }
}

/** The reports a citizen sent or follows, newest first. */
export async function listMyReports(citizen: CitizenActor) {
  const db = await getDb()
  return db
    .select({ ...publicColumns, via: reportFollowers.via })
    .from(reportFollowers)
    .innerJoin(reports, eq(reports.id, reportFollowers.reportId))
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .where(eq(reportFollowers.citizenId, citizen.id))
    .orderBy(desc(reports.createdAt))
    .limit(200)
}
