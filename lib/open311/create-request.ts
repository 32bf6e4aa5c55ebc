import 'server-only'
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { categories } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { TITLE_MAX } from '../reports/schemas'
import { submitReport, type Open311ClientActor } from '../reports/submit-report'
import { unknownServiceCode } from './list-services'
import { attributesOf, many, one, type Open311Params } from './read-params'
import { Open311Error } from './respond'
import { list, type Open311Value } from './serialize-shared'
import { open311CreateRequestSchema } from './schemas'

/** A title for staff lists, from the first line of what the client wrote. */
export function titleFrom(description: string, fallback: string): string {
  const first = description.split(/\r?\n/)[0]!.trim()
  const max = Math.min(80, TITLE_MAX - 1)
  const title = first.length > max ? `${first.slice(0, max).replace(/\s+\S*$/, '')}…` : first
  return title.length >= 3 ? title : fallback
}

function formatDueDate(dueDate: string): string {
  const [y, m, d] = dueDate.split('-')
  return `${d}/${m}/${y}`
}

/**
 * POST requests: files a report exactly as a citizen's would be (same checks, routing,
 * timeline, triage queue), on behalf of an authenticated client. Any error changes nothing.
 */
export async function createOpen311Request(client: Open311ClientActor, params: Open311Params, now = new Date(), retryKey: string | null = null): Promise<Open311Value> {
  // GeoReport v2 has no way to retry safely: a client that timed out and posts again files a
  // second report. A client may send an Idempotency-Key header (IETF httpapi draft); the same
  // key from the same client then answers with the first report instead.
  if (retryKey !== null && !/^[A-Za-z0-9_-]{8,64}$/.test(retryKey)) {
    throw new Open311Error(400, [{ code: 400, description: 'Idempotency-Key: da 8 a 64 caratteri tra lettere, cifre, - e _.' }])
  }
  const attributes = attributesOf(params)
  const parsed = open311CreateRequestSchema.safeParse({
    service_code: one(params, 'service_code'),
    lat: one(params, 'lat'),
    long: one(params, 'long'),
    address_string: one(params, 'address_string'),
    address_id: one(params, 'address_id'),
    email: one(params, 'email'),
    device_id: one(params, 'device_id') ?? one(params, 'deviceid'),
    account_id: one(params, 'account_id'),
    first_name: one(params, 'first_name'),
    last_name: one(params, 'last_name'),
    phone: one(params, 'phone'),
    description: one(params, 'description'),
    media_url: many(params, 'media_url'),
    attributes: Object.fromEntries(Object.entries(attributes).map(([code, values]) => [code, values.join(', ')])),
  })
  if (!parsed.success) {
    throw new Open311Error(
      400,
      dedupe(
        parsed.error.issues.map((issue) => ({
          code: 400,
          description: issue.path[0] === 'attributes' && issue.path[1] !== undefined ? `attribute[${String(issue.path[1])}]: ${issue.message.replace(/^attribute: /, '')}` : issue.message,
        })),
      ),
    )
  }
  const input = parsed.data
  if (input.lat === undefined && !input.address_string) {
    throw new Open311Error(400, [{ code: 400, description: 'address_id non è supportato: invia lat e long, oppure address_string.' }])
  }

  const db = await getDb()
  const [category] = await db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(and(eq(categories.slug, input.service_code), eq(categories.active, true)))
  if (!category) throw unknownServiceCode(input.service_code)

  const description = input.description ?? `${category.name} (segnalazione ricevuta tramite ${client.label}).`
  const contactName = [input.first_name, input.last_name].filter(Boolean).join(' ') || undefined
  const report = await submitReport(
    client,
    {
      categoryId: category.id,
      title: titleFrom(input.description ?? '', category.name),
      description,
      latitude: input.lat,
      longitude: input.long,
      address: input.address_string,
      answers: input.attributes,
      contactName,
      contactEmail: input.email,
      contactPhone: input.phone,
      idempotencyKey: retryKey === null ? `o311-${randomBytes(12).toString('base64url')}` : `o311k-${retryKey}`,
    },
    now,
    { freshKey: retryKey === null, open311: { accountId: input.account_id ?? null, deviceId: input.device_id ?? null, mediaUrls: input.media_url } },
  ).catch((error: unknown) => {
    // The category was checked above; an unknown one here means it was retired meanwhile.
    if (error instanceof AppError && error.fieldErrors && 'categoryId' in error.fieldErrors) throw unknownServiceCode(input.service_code)
    throw error
  })

  return list('request', [
    {
      service_request_id: report.publicCode,
      service_notice: `Ricevuta: l’ufficio competente la esaminerà entro il ${formatDueDate(report.dueDate)}.`,
      account_id: input.account_id ?? null,
    },
  ])
}

function dedupe<T extends { description: string }>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((e) => !seen.has(e.description) && seen.add(e.description))
}
