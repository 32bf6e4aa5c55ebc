import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import { categories, reportEvents, reportPhotos, reports } from '@/db/schema/reports'
import { open311Clients, open311Requests } from '@/db/schema/open311'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { parseXml, xmllintWellFormed, type XmlElement } from '@/lib/testing/xml-tree'
import { ensureQueue, startJobs, stopJobs } from '@/lib/jobs/boss'
import { FANOUT_QUEUE } from '@/lib/notify/notify'
import { AppError } from '@/lib/errors'
import type { StaffActor } from '@/lib/auth/actor'
import { changeReportStatus } from '@/lib/reports/change-report-status'
import { getReportForStaff } from '@/lib/reports/staff-reports'
import { issueOpen311Key, listOpen311Clients, revokeOpen311Key } from '@/lib/open311/manage-clients'
import { resetOpen311RateLimits } from '@/lib/open311/rate-limit'
import { jurisdictionId } from '@/lib/open311/jurisdiction'
import * as rootRoute from './[file]/route'
import * as serviceRoute from './services/[file]/route'
import * as requestRoute from './requests/[file]/route'
import * as tokenRoute from './tokens/[file]/route'

const database = setupTestDatabase({ seed: true })
const FORMATS = ['json', 'xml'] as const
type Format = (typeof FORMATS)[number]
let admin: StaffActor
let operator: StaffActor
let apiKey: string
let clientId: string
const context = { ip: '127.0.0.1' }
// Via Roma 12, inside the demo Comune.
const here = { lat: '43.4661', long: '11.8822' }

/** XML group tags (the Spark convention) → what each holds: lets one assertion check both formats. */
const GROUPS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  service_request_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
}

function spark(element: XmlElement, isRoot = false): unknown {
  const item = GROUPS[element.tag]
  if (item) {
    for (const c of element.children) expect(c.tag, `<${element.tag}> holds only <${item}>`).toBe(item)
    return element.children.map((c) => spark(c))
  }
  if (isRoot || element.children.length) {
    const out: Record<string, unknown> = {}
    for (const c of element.children) out[c.tag] = spark(c)
    return out
  }
  return element.text
}

type Answer = { status: number; body: unknown; raw: string; headers: Headers; root?: XmlElement }

async function answer(response: Response, format: Format): Promise<Answer> {
  const raw = await response.text()
  if (format === 'json') {
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    return { status: response.status, body: JSON.parse(raw) as unknown, raw, headers: response.headers }
  }
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8')
  expect(raw.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
  const lint = xmllintWellFormed(raw)
  expect(lint.ok, lint.message).toBe(true)
  const root = parseXml(raw)
  expect(root.attributes).toEqual({})
  return { status: response.status, body: spark(root, true), raw, headers: response.headers, root }
}

function routeFor(path: string) {
  const [first, second] = path.split('?')[0]!.split('/')
  if (second === undefined) return { route: rootRoute, file: first! }
  const route = first === 'services' ? serviceRoute : first === 'requests' ? requestRoute : first === 'tokens' ? tokenRoute : null
  if (!route) throw new Error(`no route for ${path}`)
  return { route, file: second }
}

async function get(path: string, format: Format): Promise<Answer> {
  const full = path.replace(/\{fmt\}/, format)
  const { route, file } = routeFor(full)
  const response = await route.GET(new Request(`http://localhost/open311/v2/${full}`), { params: Promise.resolve({ file }) })
  return answer(response, format)
}

async function post(path: string, format: Format, body: Record<string, string | string[]> | string, contentType = 'application/x-www-form-urlencoded; charset=utf-8', headers: Record<string, string> = {}): Promise<Answer> {
  const full = path.replace(/\{fmt\}/, format)
  let text: string
  if (typeof body === 'string') text = body
  else {
    const form = new URLSearchParams()
    for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item)
    text = form.toString()
  }
  const response = await rootRoute.POST(
    new Request(`http://localhost/open311/v2/${full}`, { method: 'POST', body: text, headers: { 'content-type': contentType, 'x-forwarded-for': '10.0.0.1', ...headers } }),
    { params: Promise.resolve({ file: full.split('?')[0]! }) },
  )
  return answer(response, format)
}

function expectErrors(result: Answer, status: number, pattern: RegExp) {
  expect(result.status, result.raw).toBe(status)
  expect(Array.isArray(result.body)).toBe(true)
  const errors = result.body as Array<{ code: unknown; description: unknown }>
  expect(errors.length).toBeGreaterThan(0)
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description'])
    expect(String(e.code)).toMatch(/^\d{3}$/)
    expect(String(e.description).length).toBeGreaterThan(5)
  }
  expect(errors.map((e) => String(e.description)).join(' | ')).toMatch(pattern)
  if (result.root) expect(result.root.tag).toBe('errors')
}

async function counts() {
  const { db } = database.current()
  const [r] = await db.select({ n: count() }).from(reports)
  const [e] = await db.select({ n: count() }).from(reportEvents)
  const [o] = await db.select({ n: count() }).from(open311Requests)
  return { reports: r!.n, events: e!.n, open311: o!.n }
}

const validPost = (overrides: Record<string, string | string[]> = {}) => ({
  api_key: apiKey,
  service_code: 'strade-viabilita',
  ...here,
  address_string: 'Via Roma 12',
  description: 'Buca profonda sulla corsia verso il centro.\nPericolosa per le bici.',
  email: 'mario.rossi@example.org',
  first_name: 'Mario',
  last_name: 'Rossi',
  phone: '+39 333 1234567',
  account_id: 'fms-42',
  device_id: 'device-7',
  ...overrides,
})

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  const staff = await db.select().from(staffUsers)
  const toActor = (role: string): StaffActor => {
    const row = staff.find((s) => s.role === role)!
    return { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
  admin = toActor('admin')
  operator = toActor('operator')
  await db
    .update(categories)
    .set({ extraQuestions: [{ code: 'size', label: 'Quanto è grande la buca?', required: false }, { code: 'lane', label: 'Su quale corsia?', required: false }] })
    .where(eq(categories.slug, 'strade-viabilita'))
  await db
    .update(categories)
    .set({ extraQuestions: [{ code: 'pole', label: 'Numero del palo', required: true }] })
    .where(eq(categories.slug, 'illuminazione-pubblica'))
  const issued = await issueOpen311Key(admin, { name: 'FixMyStreet di prova', contact: 'fms@example.org' }, context)
  apiKey = issued.apiKey
  clientId = issued.clientId
})

afterAll(async () => {
  await stopJobs()
})

beforeEach(() => resetOpen311RateLimits())

describe('API keys (admin)', () => {
  it('are issued once, kept only as a hash, listed with a hint and audited', async () => {
    const { db } = database.current()
    expect(apiKey).toMatch(/^filo311_[A-Za-z0-9_-]{43}$/)
    const [row] = await db.select().from(open311Clients).where(eq(open311Clients.id, clientId))
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(apiKey)
    const listed = await listOpen311Clients(admin)
    expect(listed.find((c) => c.id === clientId)).toMatchObject({ name: 'FixMyStreet di prova', keyHint: `…${apiKey.slice(-4)}`, revokedAt: null })
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'open311.key_issue'), eq(auditLog.targetId, clientId)))
    expect(audit).toBeDefined()
    expect(JSON.stringify(audit)).not.toContain(apiKey)
  })

  it('only administrators issue, list and revoke them', async () => {
    await expect(issueOpen311Key(operator, { name: 'Altro', contact: '' }, context)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(listOpen311Clients(operator)).rejects.toBeInstanceOf(AppError)
    await expect(revokeOpen311Key(operator, { clientId }, context)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('refuses markup in the client name', async () => {
    await expect(issueOpen311Key(admin, { name: '<script>x</script>', contact: '' }, context)).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

describe.each(FORMATS)('GeoReport v2 in %s', (format) => {
  it('discovery names the endpoint, both formats, the contact and how to get a key', async () => {
    const result = await get('discovery.{fmt}', format)
    expect(result.status).toBe(200)
    const body = result.body as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service'])
    expect(String(body.contact)).toContain('@')
    const [endpoint] = body.endpoints as Array<Record<string, unknown>>
    expect(endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', changeset: body.changeset })
    expect(String(endpoint!.url)).toMatch(/\/open311\/v2$/)
    expect(endpoint!.formats).toEqual(['text/xml', 'application/json'])
  })

  it('services lists every active category as a realtime service with all the fields', async () => {
    const result = await get('services.{fmt}', format)
    expect(result.status).toBe(200)
    const services = result.body as Array<Record<string, unknown>>
    expect(services.length).toBeGreaterThanOrEqual(12)
    for (const s of services) expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'])
    const roads = services.find((s) => s.service_code === 'strade-viabilita')!
    expect(roads).toMatchObject({ service_name: 'Strade, marciapiedi, segnaletica e viabilità', type: 'realtime', group: 'Lavori pubblici e manutenzioni' })
    expect(String(roads.metadata)).toBe('true')
    expect(String(services.find((s) => s.service_code === 'arredo-urbano')!.metadata)).toBe('false')
    if (result.root) expect(result.root.tag).toBe('services')
  })

  it('a service definition gives the extra questions as attributes', async () => {
    const result = await get('services/strade-viabilita.{fmt}', format)
    expect(result.status).toBe(200)
    const body = result.body as { service_code: string; attributes: Array<Record<string, unknown>> }
    expect(body.service_code).toBe('strade-viabilita')
    expect(body.attributes.map((a) => ({ ...a, order: String(a.order), required: String(a.required), variable: String(a.variable) }))).toEqual([
      { variable: 'true', code: 'size', datatype: 'string', required: 'false', datatype_description: expect.any(String), order: '1', description: 'Quanto è grande la buca?' },
      { variable: 'true', code: 'lane', datatype: 'string', required: 'false', datatype_description: expect.any(String), order: '2', description: 'Su quale corsia?' },
    ])
    const empty = await get('services/arredo-urbano.{fmt}', format)
    expect((empty.body as { attributes: unknown[] }).attributes).toEqual([])
  })

  it('POST requests files a report that enters triage like any other, contact kept private', async () => {
    const before = await counts()
    const result = await post('requests.{fmt}', format, validPost({ 'attribute[size]': 'mezzo metro', 'attribute[lane][]': ['destra'], 'media_url[]': ['https://fms.example.org/photo/1.jpeg'] }))
    expect(result.status, result.raw).toBe(200)
    const [created] = result.body as Array<Record<string, unknown>>
    expect(Object.keys(created!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id'])
    expect(created!.service_request_id).toMatch(/^SEG-\d{4}-\d{6}$/)
    expect(created!.account_id).toBe('fms-42')
    const { db } = database.current()
    const [report] = await db.select().from(reports).where(eq(reports.publicCode, String(created!.service_request_id)))
    expect(report).toMatchObject({
      source: 'open311',
      sourceClientId: clientId,
      state: 'new',
      status: 'received',
      citizenId: null,
      title: 'Buca profonda sulla corsia verso il centro.',
      address: 'Via Roma 12',
      answers: { size: 'mezzo metro', lane: 'destra' },
      contactName: 'Mario Rossi',
      contactEmail: 'mario.rossi@example.org',
      contactPhone: '+39 333 1234567',
    })
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, report!.id))
    expect(events.map((e) => e.kind).sort()).toEqual(['created', 'routing'])
    const [extra] = await db.select().from(open311Requests).where(eq(open311Requests.reportId, report!.id))
    expect(extra).toMatchObject({ clientId, accountId: 'fms-42', deviceId: 'device-7', mediaUrls: ['https://fms.example.org/photo/1.jpeg'] })
    // Staff read the answers under each question's label, and the client's photo links (never fetched by Filo).
    const staffView = await getReportForStaff(operator, report!.id)
    expect(staffView!.answerList).toEqual([
      { code: 'size', label: 'Quanto è grande la buca?', answer: 'mezzo metro' },
      { code: 'lane', label: 'Su quale corsia?', answer: 'destra' },
    ])
    expect(staffView!.open311).toMatchObject({ accountId: 'fms-42', deviceId: 'device-7', mediaUrls: ['https://fms.example.org/photo/1.jpeg'] })
    expect(staffView!.open311!.clientName).toEqual(expect.any(String))
    expect(await counts()).toEqual({ reports: before.reports + 1, events: before.events + 2, open311: before.open311 + 1 })
  })

  it('POST requests with an Idempotency-Key: a retry answers with the first report, a malformed key is refused', async () => {
    const before = await counts()
    const form = 'application/x-www-form-urlencoded; charset=utf-8'
    const key = { 'idempotency-key': `retry-${format}-0123456789` }
    const first = await post('requests.{fmt}', format, validPost(), form, key)
    const again = await post('requests.{fmt}', format, validPost(), form, key)
    expect(first.status, first.raw).toBe(200)
    expect(again.status, again.raw).toBe(200)
    const code = (first.body as Array<Record<string, unknown>>)[0]!.service_request_id
    expect((again.body as Array<Record<string, unknown>>)[0]!.service_request_id).toBe(code)
    expect(await counts()).toEqual({ reports: before.reports + 1, events: before.events + 2, open311: before.open311 + 1 })
    const bad = await post('requests.{fmt}', format, validPost(), form, { 'idempotency-key': 'no spaces allowed here' })
    expectErrors(bad, 400, /Idempotency-Key/)
    expect(await counts()).toEqual({ reports: before.reports + 1, events: before.events + 2, open311: before.open311 + 1 })
  })

  it('POST requests finds the place from address_string alone (the Comune’s street list)', async () => {
    const result = await post('requests.{fmt}', format, { api_key: apiKey, service_code: 'illuminazione-pubblica', address_string: 'Via Cavour', 'attribute[pole]': '12', description: 'Lampione spento' })
    expect(result.status, result.raw).toBe(200)
    const code = String((result.body as Array<Record<string, unknown>>)[0]!.service_request_id)
    const [report] = await database.current().db.select().from(reports).where(eq(reports.publicCode, code))
    expect(report).toMatchObject({ latitude: 43.469, longitude: 11.887, address: 'Via Cavour', answers: { pole: '12' } })
  })

  it('GET requests shows public facts only: no contact details, no internal notes, no client links', async () => {
    const created = await post('requests.{fmt}', format, validPost({ description: 'Segnale stradale piegato', 'media_url': 'https://fms.example.org/private.jpeg' }))
    const code = String((created.body as Array<Record<string, unknown>>)[0]!.service_request_id)
    const { db } = database.current()
    const [report] = await db.select().from(reports).where(eq(reports.publicCode, code))
    await changeReportStatus(operator, report!.id, { status: 'resolved', publicNote: 'Cartello sostituito.', internalNote: 'Segreto: ditta Bianchi, costo 300 euro' })

    const single = await get(`requests/${code}.{fmt}`, format)
    expect(single.status).toBe(200)
    const [request] = single.body as Array<Record<string, unknown>>
    expect(Object.keys(request!).sort()).toEqual(
      ['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode'].sort(),
    )
    expect(request).toMatchObject({ service_request_id: code, status: 'closed', status_notes: 'Cartello sostituito.', service_code: 'strade-viabilita', description: 'Segnale stradale piegato', agency_responsible: 'Lavori pubblici e manutenzioni', address: 'Via Roma 12', media_url: '' })
    expect(String(request!.lat)).toBe('43.4661')
    expect(String(request!.long)).toBe('11.8822')
    expect(String(request!.requested_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/)
    expect(String(request!.updated_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    const all = await get('requests.{fmt}', format)
    expect(all.status).toBe(200)
    for (const text of [single.raw, all.raw]) {
      for (const secret of ['mario.rossi@example.org', 'Mario', '333 1234567', 'Segreto', 'ditta Bianchi', 'private.jpeg', 'fms-42', 'device-7', 'Instradamento', 'Assegnata a']) {
        expect(text).not.toContain(secret)
      }
    }
    const codes = (all.body as Array<Record<string, unknown>>).map((r) => r.service_request_id)
    expect(codes).toContain(code)
    for (const r of all.body as Array<Record<string, unknown>>) expect(['open', 'closed']).toContain(r.status)
  })

  it('media_url is a photo staff approved, never one still waiting for review', async () => {
    const created = await post('requests.{fmt}', format, validPost({ description: 'Cestino rovesciato' }))
    const code = String((created.body as Array<Record<string, unknown>>)[0]!.service_request_id)
    const { db } = database.current()
    const [report] = await db.select({ id: reports.id }).from(reports).where(eq(reports.publicCode, code))
    const [photo] = await db
      .insert(reportPhotos)
      .values({ reportId: report!.id, fileKey: `test-${format}-${Date.now()}.jpg`, width: 10, height: 10, bytes: 100, state: 'pending' })
      .returning({ id: reportPhotos.id })
    const pending = await get(`requests/${code}.{fmt}`, format)
    expect((pending.body as Array<Record<string, unknown>>)[0]!.media_url).toBe('')
    await db.update(reportPhotos).set({ state: 'approved' }).where(eq(reportPhotos.id, photo!.id))
    const approved = await get(`requests/${code}.{fmt}`, format)
    expect(String((approved.body as Array<Record<string, unknown>>)[0]!.media_url)).toMatch(new RegExp(`^https?://[^/]+/api/reports/photos/${photo!.id}$`))
  })

  it('GET requests filters by status, service_code and dates, and service_request_id overrides them', async () => {
    const open = await get('requests.{fmt}?status=open', format)
    const closed = await get('requests.{fmt}?status=closed', format)
    const both = await get('requests.{fmt}?status=open,closed', format)
    const statuses = (a: Answer) => new Set((a.body as Array<Record<string, unknown>>).map((r) => r.status))
    expect([...statuses(open)]).toEqual(['open'])
    expect([...statuses(closed)]).toEqual(['closed'])
    expect((both.body as unknown[]).length).toBe((open.body as unknown[]).length + (closed.body as unknown[]).length)

    const lights = await get('requests.{fmt}?service_code=illuminazione-pubblica', format)
    const lightCodes = (lights.body as Array<Record<string, unknown>>).map((r) => r.service_code)
    expect(lightCodes.length).toBeGreaterThan(0)
    expect(new Set(lightCodes)).toEqual(new Set(['illuminazione-pubblica']))

    const openCode = String((open.body as Array<Record<string, unknown>>)[0]!.service_request_id)
    const overridden = await get(`requests.{fmt}?service_request_id=${openCode}&status=closed&service_code=arredo-urbano&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z`, format)
    expect((overridden.body as Array<Record<string, unknown>>).map((r) => r.service_request_id)).toEqual([openCode])

    const future = await get('requests.{fmt}?start_date=2099-01-01T00:00:00%2B01:00&end_date=2099-02-01T00:00:00%2B01:00', format)
    expect(future.body).toEqual([])
    // Empty optional arguments are the same as absent ones.
    const emptyArgs = await get('requests.{fmt}?status=&service_code=&start_date=', format)
    expect((emptyArgs.body as unknown[]).length).toBe((both.body as unknown[]).length)

    const page1 = await get('requests.{fmt}?page_size=2&page=1', format)
    const page2 = await get('requests.{fmt}?page_size=2&page=2', format)
    expect((page1.body as unknown[]).length).toBe(2)
    const ids = (a: Answer) => (a.body as Array<Record<string, unknown>>).map((r) => r.service_request_id)
    expect(ids(page2).some((id) => ids(page1).includes(id))).toBe(false)
  })

  it('the 90-day default window leaves old reports out', async () => {
    const result = await get('requests.{fmt}', format)
    // The demo report of 90 days ago (Viale Europa) is just outside "the most recent 90 days".
    expect(result.raw).not.toContain('Viale Europa')
    const old = await get(`requests.{fmt}?start_date=${encodeURIComponent(new Date(Date.now() - 100 * 86_400_000).toISOString())}`, format)
    expect(old.raw).toContain('Viale Europa')
  })

  it('tokens: no token is ever issued (realtime services), so any token is 404', async () => {
    expectErrors(await get('tokens/abc123.{fmt}', format), 404, /realtime/)
  })

  it('servicerequestupdates lists public changes with mySociety statuses, never internal notes', async () => {
    expectErrors(await get('servicerequestupdates.{fmt}', format), 403, /api_key/)
    const result = await get(`servicerequestupdates.{fmt}?api_key=${apiKey}`, format)
    expect(result.status, result.raw).toBe(200)
    const updates = result.body as Array<Record<string, unknown>>
    expect(updates.length).toBeGreaterThan(0)
    for (const u of updates) {
      expect(Object.keys(u).sort()).toEqual(['description', 'media_url', 'service_request_id', 'status', 'update_id', 'updated_datetime'])
      expect(String(u.status)).toMatch(/^[a-z_]+$/)
    }
    expect(updates.some((u) => u.status === 'fixed' && u.description === 'Cartello sostituito.')).toBe(true)
    expect(result.raw).not.toContain('Segreto')
    expect(result.raw).not.toContain('Instradamento')
  })

  it('servicerequestupdates honours start_date and end_date, and refuses a window that is backwards or too long', async () => {
    const { db } = database.current()
    const [report] = await db.select({ id: reports.id, code: reports.publicCode }).from(reports).limit(1)
    // A public change of 100 days ago: outside the default window (the last 90 days), inside one that asks for it.
    const longAgo = new Date(Date.now() - 100 * 86_400_000)
    const [old] = await db
      .insert(reportEvents)
      .values({ reportId: report!.id, at: longAgo, kind: 'note', visibility: 'public', note: `Vecchio aggiornamento ${format}`, actorLabel: 'Ufficio' })
      .returning({ id: reportEvents.id })
    const ids = async (query: string) => ((await get(`servicerequestupdates.{fmt}?api_key=${apiKey}${query}`, format)).body as Array<{ update_id: string }>).map((u) => String(u.update_id))
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString())

    expect(await ids('')).not.toContain(String(old!.id))
    expect(await ids(`&start_date=${iso(longAgo.getTime() - 60_000)}&end_date=${iso(longAgo.getTime() + 60_000)}`)).toEqual([String(old!.id)])
    expect(await ids(`&start_date=${iso(longAgo.getTime() + 1000)}&end_date=${iso(longAgo.getTime() + 60_000)}`)).toEqual([])
    expect(await ids(`&start_date=${iso(longAgo.getTime() - 60_000)}&end_date=${iso(longAgo.getTime() - 1000)}`)).toEqual([])
    // start_date alone: the 90 days after it.
    expect(await ids(`&start_date=${iso(longAgo.getTime() - 60_000)}`)).toContain(String(old!.id))
    // end_date alone: the 90 days before it.
    const recent = await ids(`&end_date=${iso(Date.now())}`)
    expect(recent).not.toContain(String(old!.id))
    expect(recent.length).toBeGreaterThan(0)

    expectErrors(await get(`servicerequestupdates.{fmt}?api_key=${apiKey}&start_date=${iso(Date.now())}&end_date=${iso(Date.now() - 86_400_000)}`, format), 400, /start_date deve venire prima di end_date/)
    expectErrors(await get(`servicerequestupdates.{fmt}?api_key=${apiKey}&start_date=${iso(Date.now() - 200 * 86_400_000)}&end_date=${iso(Date.now())}`, format), 400, /al massimo 90 giorni/)
    expectErrors(await get(`servicerequestupdates.{fmt}?api_key=${apiKey}&start_date=ieri`, format), 400, /start_date/)
    await db.delete(reportEvents).where(eq(reportEvents.id, old!.id))
  })

  it('POST servicerequestupdates records a client comment once, as an internal note for staff', async () => {
    const [report] = await database.current().db.select({ id: reports.id, code: reports.publicCode, status: reports.status }).from(reports).where(eq(reports.source, 'open311')).limit(1)
    const body = { api_key: apiKey, service_request_id: report!.code, update_id: `fms-upd-${format}`, status: 'OPEN', updated_datetime: '2026-11-20T10:00:00+01:00', description: `Il problema è ancora lì (${format}).` }
    const first = await post('servicerequestupdates.{fmt}', format, body)
    expect(first.status, first.raw).toBe(200)
    const [update] = first.body as Array<Record<string, unknown>>
    expect(String(update!.update_id)).toMatch(/^\d+$/)
    const again = await post('servicerequestupdates.{fmt}', format, body)
    expect((again.body as Array<Record<string, unknown>>)[0]!.update_id).toBe(update!.update_id)
    const notes = await database.current().db.select().from(reportEvents).where(and(eq(reportEvents.reportId, report!.id), eq(reportEvents.note, body.description)))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ kind: 'note', visibility: 'internal' })
    const [after] = await database.current().db.select({ status: reports.status }).from(reports).where(eq(reports.id, report!.id))
    expect(after!.status).toBe(report!.status)

    expectErrors(await post('servicerequestupdates.{fmt}', format, { api_key: apiKey, service_request_id: report!.code }), 400, /update_id mancante/)
    expectErrors(await post('servicerequestupdates.{fmt}', format, { ...body, service_request_id: 'SEG-1999-000001' }), 404, /non trovata/)
    expectErrors(await post('servicerequestupdates.{fmt}', format, { ...body, description: '<b>ciao</b>' }), 400, /HTML/)
    expectErrors(await post('servicerequestupdates.{fmt}', format, { ...body, api_key: 'nope' }), 403, /api_key/)
  })

  describe('errors in the spec’s shape, changing nothing', () => {
    const cases: Array<[string, () => Record<string, string | string[]>, number, RegExp]> = [
      ['a point at 0,0', () => validPost({ lat: '0', long: '0' }), 400, /fuori dal territorio/],
      ['a point outside the Comune', () => validPost({ lat: '45.4642', long: '9.19' }), 400, /fuori dal territorio/],
      ['a 100 KB description', () => validPost({ description: 'a'.repeat(100 * 1024) }), 400, /troppo grande|4000/],
      ['a description over 4,000 characters', () => validPost({ description: 'b'.repeat(4001) }), 400, /description: al massimo 4000/],
      ['HTML in the description', () => validPost({ description: 'Buca <img src=x onerror=alert(1)>' }), 400, /description: non usare codice HTML/],
      ['a script in the name', () => validPost({ first_name: '<script>alert(1)</script>' }), 400, /first_name: non usare codice HTML/],
      ['HTML in the address', () => validPost({ address_string: 'Via <b>Roma</b>' }), 400, /address_string: non usare codice HTML/],
      ['HTML in an attribute', () => validPost({ 'attribute[size]': '<iframe src=x>' }), 400, /attribute\[size\]: .*HTML/],
      ['an entity in the description', () => validPost({ description: 'Buca &lt;grande&gt;' }), 400, /HTML/],
      ['an unknown service_code', () => validPost({ service_code: 'astronavi' }), 404, /service_code «astronavi» sconosciuto/],
      ['a missing service_code', () => validPost({ service_code: '' }), 400, /service_code mancante/],
      ['a missing api_key', () => validPost({ api_key: '' }), 403, /api_key mancante o non valida/],
      ['a wrong api_key', () => validPost({ api_key: 'filo311_wrong' }), 403, /api_key mancante o non valida/],
      ['lat without long', () => validPost({ long: '' }), 400, /lat e long vanno inviati insieme/],
      ['no place at all', () => validPost({ lat: '', long: '', address_string: '' }), 400, /Posizione mancante/],
      ['only an address_id', () => validPost({ lat: '', long: '', address_string: '', address_id: '123' }), 400, /address_id non è supportato/],
      ['an address not in the street list', () => validPost({ lat: '', long: '', address_string: 'Via Inesistente 99' }), 400, /Non troviamo questo indirizzo/],
      ['a malformed latitude', () => validPost({ lat: '43,46' }), 400, /lat: deve essere un numero/],
      ['a missing required attribute', () => validPost({ service_code: 'illuminazione-pubblica' }), 400, /Numero del palo/],
      ['a malformed email', () => validPost({ email: 'not-an-email' }), 400, /email: indirizzo non valido/],
      ['a media_url that is not http(s)', () => validPost({ media_url: 'javascript:alert(1)' }), 400, /media_url/],
      ['a foreign jurisdiction_id', () => validPost({ jurisdiction_id: 'altrocomune.it' }), 404, /jurisdiction_id sconosciuto/],
    ]
    it.each(cases)('%s', async (_name, body, status, pattern) => {
      const before = await counts()
      expectErrors(await post('requests.{fmt}', format, body()), status, pattern)
      expect(await counts()).toEqual(before)
    })

    it('a revoked api_key', async () => {
      const issued = await issueOpen311Key(admin, { name: `Da revocare ${format}`, contact: '' }, context)
      expect((await post('requests.{fmt}', format, validPost({ api_key: issued.apiKey }))).status).toBe(200)
      await revokeOpen311Key(admin, { clientId: issued.clientId }, context)
      const before = await counts()
      expectErrors(await post('requests.{fmt}', format, validPost({ api_key: issued.apiKey })), 403, /api_key/)
      expect(await counts()).toEqual(before)
      const [audit] = await database.current().db.select().from(auditLog).where(and(eq(auditLog.action, 'open311.key_revoke'), eq(auditLog.targetId, issued.clientId)))
      expect(audit).toBeDefined()
    })

    it('an unsupported content type, malformed JSON; JSON bodies work as a convenience', async () => {
      expectErrors(await post('requests.{fmt}', format, 'hello', 'text/plain'), 400, /Content-Type non supportato/)
      expectErrors(await post('requests.{fmt}', format, '{nope', 'application/json'), 400, /JSON non valido/)
      const ok = await post('requests.{fmt}', format, JSON.stringify({ ...validPost(), attribute: { size: 'piccola' } }), 'application/json')
      expect(ok.status, ok.raw).toBe(200)
    })

    it('too many POSTs from one client get 429 with Retry-After', async () => {
      const before = await counts()
      let last: Answer | undefined
      for (let i = 0; i < 61; i++) {
        last = await post('requests.{fmt}', format, validPost({ service_code: 'astronavi' }))
        if (last.status === 429) break
      }
      expectErrors(last!, 429, /Troppe richieste/)
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await counts()).toEqual(before)
    })

    it('GET errors: a foreign jurisdiction_id (404), bad dates and spans (400), bad status (400), unknown ids and codes (404)', async () => {
      for (const path of ['services.{fmt}', 'services/strade-viabilita.{fmt}', 'requests.{fmt}', 'requests/SEG-2026-000001.{fmt}', 'tokens/abc.{fmt}']) {
        expectErrors(await get(`${path}?jurisdiction_id=altrocomune.it`, format), 404, /jurisdiction_id sconosciuto/)
      }
      // The right jurisdiction_id, and none at all, both work.
      expect((await get(`services.{fmt}?jurisdiction_id=${jurisdictionId()}`, format)).status).toBe(200)
      expectErrors(await get('requests.{fmt}?start_date=ieri', format), 400, /start_date: data non valida/)
      expectErrors(await get('requests.{fmt}?end_date=2026-11-01T10:00:00', format), 400, /end_date: data non valida/)
      expectErrors(await get('requests.{fmt}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', format), 400, /al massimo 90 giorni/)
      expectErrors(await get('requests.{fmt}?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z', format), 400, /prima di end_date/)
      expectErrors(await get('requests.{fmt}?status=pending', format), 400, /status: «pending» non valido/)
      expectErrors(await get('requests.{fmt}?page_size=5000', format), 400, /page_size/)
      expectErrors(await get('requests/SEG-1999-000001.{fmt}', format), 404, /non trovata/)
      expectErrors(await get('services/astronavi.{fmt}', format), 404, /sconosciuto/)
      expectErrors(await get('nothing.{fmt}', format), 404, /non trovata/)
    })
  })
})

describe('formats', () => {
  it('a resource without .xml or .json is 404 in XML, the required format', async () => {
    const response = await rootRoute.GET(new Request('http://localhost/open311/v2/services.csv'), { params: Promise.resolve({ file: 'services.csv' }) })
    expect(response.status).toBe(404)
    const result = await answer(response, 'xml')
    expect(result.root!.tag).toBe('errors')
  })

  it('XML escapes what clients wrote and stays well-formed', async () => {
    const created = await post('requests.{fmt}', 'json', validPost({ description: 'Rami & foglie "ovunque" nell’aiuola' }))
    const code = String((created.body as Array<Record<string, unknown>>)[0]!.service_request_id)
    const xml = await get(`requests/${code}.{fmt}`, 'xml')
    expect(xml.raw).toContain('Rami &amp; foglie &quot;ovunque&quot;')
    expect((xml.body as Array<Record<string, unknown>>)[0]!.description).toBe('Rami & foglie "ovunque" nell’aiuola')
  })
})
