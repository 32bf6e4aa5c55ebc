import 'server-only'
import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { getEnv } from '../env'
import { many, one, type Open311Params } from './read-params'
import { Open311Error } from './respond'
import { list, w3cDate, type Open311Value } from './serialize-shared'
import { open311Status } from './status-map-shared'

const DAY = 24 * 60 * 60 * 1000
export const MAX_SPAN_DAYS = 90
export const MAX_RESULTS = 1000

const bad = (description: string) => new Open311Error(400, [{ code: 400, description }])

/** W3C-DTF: a date, or a date and time with its time zone (Z or ±HH:MM). */
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/

export function parseW3cDate(value: string, name: string): Date {
  const date = W3C.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw bad(`${name}: data non valida, usa il formato W3C con il fuso orario (ad esempio 2026-11-01T00:00:00Z).`)
  }
  return date
}

/** The window every date-filtered call uses: at most 90 days, the most recent 90 by default. */
export function dateWindow(params: Open311Params, now: Date): { start: Date; end: Date } {
  const startRaw = one(params, 'start_date')
  const endRaw = one(params, 'end_date')
  let start = startRaw ? parseW3cDate(startRaw, 'start_date') : undefined
  let end = endRaw ? parseW3cDate(endRaw, 'end_date') : undefined
  if (!start && !end) end = now
  if (!start) start = new Date(end!.getTime() - MAX_SPAN_DAYS * DAY)
  if (!end) end = new Date(Math.min(now.getTime(), start.getTime() + MAX_SPAN_DAYS * DAY))
  if (start > end) throw bad('start_date deve venire prima di end_date.')
  if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY) throw bad(`Tra start_date e end_date ci possono essere al massimo ${MAX_SPAN_DAYS} giorni.`)
  return { start, end }
}

function commaList(params: Open311Params, name: string): string[] {
  return many(params, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

function positiveInt(params: Open311Params, name: string, fallback: number, max: number): number {
  const raw = one(params, name)
  if (raw === undefined) return fallback
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw bad(`${name}: deve essere un numero intero tra 1 e ${max}.`)
  return Number(raw)
}

/**
 * GET requests: public facts only (never the reporter's contact, internal notes or
 * unapproved photos). service_request_id overrides every other filter, as the spec says.
 * Extension: page and page_size (the common GeoReport pagination).
 */
export async function listOpen311Requests(params: Open311Params, now = new Date()): Promise<Open311Value> {
  const ids = commaList(params, 'service_request_id')
  const where: SQL[] = []
  let limit = MAX_RESULTS
  let offset = 0
  if (ids.length) {
    if (ids.length > 100) throw bad('service_request_id: al massimo 100 codici per richiesta.')
    where.push(inArray(reports.publicCode, ids.map((id) => id.toUpperCase())))
  } else {
    const codes = commaList(params, 'service_code')
    if (codes.length) where.push(inArray(categories.slug, codes))
    const statuses = commaList(params, 'status').map((s) => s.toLowerCase())
    for (const s of statuses) if (s !== 'open' && s !== 'closed') throw bad(`status: «${s.slice(0, 20)}» non valido, usa open e/o closed.`)
    if (statuses.length === 1) where.push(statuses[0] === 'closed' ? eq(reports.state, 'closed') : ne(reports.state, 'closed'))
    const { start, end } = dateWindow(params, now)
    where.push(gte(reports.createdAt, start), lte(reports.createdAt, end))
    const pageSize = positiveInt(params, 'page_size', MAX_RESULTS, MAX_RESULTS)
    const page = positiveInt(params, 'page', 1, 1_000_000)
    limit = pageSize
    offset = (page - 1) * pageSize
  }
  return list('request', (await selectRequests(and(...where), limit, offset)).map(toOpen311Request))
}

/** GET requests/{id}: an array of one, or 404. */
export async function getOpen311Request(serviceRequestId: string): Promise<Open311Value> {
  const id = serviceRequestId.trim().toUpperCase()
  const rows = /^[A-Z0-9-]{1,40}$/.test(id) ? await selectRequests(eq(reports.publicCode, id), 1, 0) : []
  if (!rows.length) throw new Open311Error(404, [{ code: 404, description: `Richiesta «${serviceRequestId.slice(0, 40)}» non trovata.` }])
  return list('request', rows.map(toOpen311Request))
}

type Row = Awaited<ReturnType<typeof selectRequests>>[number]

async function selectRequests(where: SQL | undefined, limit: number, offset: number) {
  const db = await getDb()
  return db
    .select({
      publicCode: reports.publicCode,
      state: reports.state,
      description: reports.description,
      serviceCode: categories.slug,
      serviceName: categories.name,
      agency: offices.name,
      createdAt: reports.createdAt,
      updatedAt: reports.updatedAt,
      closedAt: reports.closedAt,
      dueDate: reports.dueDate,
      address: reports.address,
      lat: reports.latitude,
      lon: reports.longitude,
      // The latest public word from the Comune: never an internal note.
      statusNotes: sql<string | null>`(select e.note from report_events e where e.report_id = ${reports.id} and e.visibility = 'public' and e.kind in ('status', 'note') and e.note <> '' order by e.id desc limit 1)`,
      photoId: sql<string | null>`(select p.id from report_photos p where p.report_id = ${reports.id} and p.state = 'approved' order by p.sort_order limit 1)`,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .where(where)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit)
    .offset(offset)
}

const romeOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })

/** The end of the due day in Rome, with Rome's offset on that day (+01:00 or +02:00). */
export function expectedDatetime(dueDate: string): string {
  const noon = new Date(`${dueDate}T12:00:00Z`)
  const name = romeOffset.formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00'
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name)?.[1] ?? '+01:00'
  return `${dueDate}T23:59:59${offset}`
}

function toOpen311Request(row: Row): Open311Value {
  const status = open311Status(row.state)
  return {
    service_request_id: row.publicCode,
    status,
    status_notes: row.statusNotes ?? '',
    service_name: row.serviceName,
    service_code: row.serviceCode,
    description: row.description,
    agency_responsible: row.agency,
    service_notice: '',
    requested_datetime: w3cDate(row.createdAt),
    updated_datetime: w3cDate(status === 'closed' && row.closedAt ? row.closedAt : row.updatedAt),
    expected_datetime: status === 'open' ? expectedDatetime(row.dueDate) : '',
    address: row.address,
    address_id: '',
    zipcode: '',
    lat: row.lat,
    long: row.lon,
    // Only a photo staff approved, at the address the citizen app shows it (reportPhotoUrl).
    media_url: row.photoId ? `${getEnv().FILO_PUBLIC_URL.replace(/\/+$/, '')}/api/reports/photos/${row.photoId}` : '',
  }
}
