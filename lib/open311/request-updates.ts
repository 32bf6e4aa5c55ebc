import 'server-only'
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { reportEvents, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import type { Open311ClientActor } from '../reports/submit-report'
import { plainText } from '../reports/schemas'
import { dateWindow, MAX_RESULTS, parseW3cDate } from './list-requests'
import { one, type Open311Params } from './read-params'
import { Open311Error } from './respond'
import { list, w3cDate, type Open311Value } from './serialize-shared'
import { extendedStatus } from './status-map-shared'

/** Timeline entries an outside system may see: public status changes, public notes, merges. */
const PUBLIC_KINDS = ['status', 'note', 'merge'] as const

/**
 * GET servicerequestupdates (mySociety extension): the public changes of every report in
 * the window, oldest first, so a FixMyStreet-style client can mirror Filo's statuses.
 * update_id is stable (the timeline entry's id): clients de-duplicate on it.
 */
export async function listOpen311RequestUpdates(params: Open311Params, now = new Date()): Promise<Open311Value> {
  const { start, end } = dateWindow(params, now)
  const db = await getDb()
  const rows = await db
    .select({
      id: reportEvents.id,
      publicCode: reports.publicCode,
      kind: reportEvents.kind,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      note: reportEvents.note,
      at: reportEvents.at,
    })
    .from(reportEvents)
    .innerJoin(reports, eq(reports.id, reportEvents.reportId))
    .where(and(eq(reportEvents.visibility, 'public'), inArray(reportEvents.kind, [...PUBLIC_KINDS]), gte(reportEvents.at, start), lte(reportEvents.at, end)))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id))
    .limit(MAX_RESULTS)
  return list(
    'request_update',
    rows.map((row) => ({
      update_id: String(row.id),
      service_request_id: row.publicCode,
      status: row.kind === 'merge' ? 'duplicate' : extendedStatus(row.toStatus, row.fromStatus),
      updated_datetime: w3cDate(row.at),
      description: row.note,
      media_url: '',
    })),
  )
}

const bad = (description: string) => new Open311Error(400, [{ code: 400, description }])
const updateText = plainText('description', 4000)

/**
 * POST servicerequestupdates (mySociety extension): a comment a client's user left on a
 * report. Staff read it in the timeline as an internal note; it never changes the status by
 * itself (that stays the office's decision). Sending the same update_id twice records it once.
 */
export async function postOpen311RequestUpdate(client: Open311ClientActor, params: Open311Params, now = new Date()): Promise<Open311Value> {
  const serviceRequestId = one(params, 'service_request_id')
  const clientUpdateId = one(params, 'update_id')
  const status = one(params, 'status')
  const updatedRaw = one(params, 'updated_datetime')
  const missing = [
    ['service_request_id', serviceRequestId],
    ['update_id', clientUpdateId],
    ['status', status],
    ['updated_datetime', updatedRaw],
    ['description', one(params, 'description')],
  ]
    .filter(([, v]) => v === undefined)
    .map(([name]) => name)
  if (missing.length) throw new Open311Error(400, missing.map((name) => ({ code: 400, description: `${name} mancante: è obbligatorio.` })))
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(clientUpdateId!)) throw bad('update_id non valido.')
  if (!/^[A-Za-z_]{2,40}$/.test(status!)) throw bad('status non valido.')
  const updatedAt = parseW3cDate(updatedRaw!, 'updated_datetime')
  const text = updateText.safeParse(one(params, 'description'))
  if (!text.success) throw bad(text.error.issues[0]?.message ?? 'description non valida.')

  const db = await getDb()
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.publicCode, serviceRequestId!.toUpperCase()))
      .for('update')
    if (!report) throw new Open311Error(404, [{ code: 404, description: `Richiesta «${serviceRequestId!.slice(0, 40)}» non trovata.` }])
    const [existing] = await tx
      .select({ id: reportEvents.id })
      .from(reportEvents)
      .where(
        and(
          eq(reportEvents.reportId, report.id),
          sql`${reportEvents.details}->>'open311ClientId' = ${client.clientId}`,
          sql`${reportEvents.details}->>'open311UpdateId' = ${clientUpdateId}`,
        ),
      )
    const id =
      existing?.id ??
      (
        await tx
          .insert(reportEvents)
          .values({
            reportId: report.id,
            at: now,
            kind: 'note',
            visibility: 'internal',
            note: text.data,
            actorLabel: `Open311: ${client.label}`,
            details: { open311ClientId: client.clientId, open311UpdateId: clientUpdateId, requestedStatus: status!.toLowerCase(), updatedDatetime: updatedAt.toISOString() },
          })
          .returning({ id: reportEvents.id })
      )[0]!.id
    return list('request_update', [{ update_id: String(id) }])
  })
}
