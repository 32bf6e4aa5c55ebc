import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { inboxItems } from '@/db/schema/notifications'
import { categories, reportEvents, reportFollowers, reports, routingRules } from '@/db/schema/reports'
import { offices } from '@/db/schema/comune'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { AppError } from '../errors'
import type { CitizenActor } from '../citizens/actor'
import { submitReport, OUTSIDE_COMUNE } from './submit-report'
import { routeReport } from './route-report'
import { newCitizen as createCitizen } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
let citizen: CitizenActor
let other: CitizenActor
const cat: Record<string, { id: number; officeId: number }> = {}
const office: Record<string, number> = {}
// Via Roma 12, in the demo Comune's centro storico.
const here = { latitude: 43.4661, longitude: 11.8822 }

const newCitizen = () => createCitizen(database.current().db)

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  for (const c of await db.select().from(categories)) cat[c.slug] = { id: c.id, officeId: c.officeId }
  for (const o of await db.select().from(offices)) office[o.slug] = o.id
  citizen = await newCitizen()
  other = await newCitizen()
})

afterAll(async () => {
  await stopJobs()
})

let draftCounter = 0
const draft = (overrides: Record<string, unknown> = {}) => ({
  categoryId: cat['strade-viabilita']!.id,
  title: 'Buca in via Roma',
  description: 'Una buca profonda sulla corsia verso il centro.',
  ...here,
  address: 'Via Roma 12',
  idempotencyKey: `draft-${++draftCounter}-${Date.now()}`,
  ...overrides,
})

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a failure')
}

async function countReports() {
  return (await database.current().db.select({ id: reports.id }).from(reports)).length
}

describe('submitReport', () => {
  it('numbers each year from 1, and reports sent at the same moment each get their own number', async () => {
    // A year no other test uses: its sequence does not exist yet and is made by the first report.
    const someone = await newCitizen()
    const first = await submitReport(someone, draft(), new Date('2031-03-02T10:00:00Z'))
    expect(first.publicCode).toBe('SEG-2031-000001')
    const together = await Promise.all(Array.from({ length: 8 }, () => submitReport(someone, draft(), new Date('2031-03-02T11:00:00Z'))))
    const numbers = together.map((r) => Number(r.publicCode.slice(-6))).sort((a, b) => a - b)
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
    // The new year's numbering did not disturb this year's.
    expect((await submitReport(someone, draft(), new Date('2026-11-20T10:00:00Z'))).publicCode).toMatch(/^SEG-2026-\d{6}$/)
  })

  it('files a report with a public code, routes it to the category office, follows and tells the reporter', async () => {
    const now = new Date('2026-11-20T10:00:00Z') // a Friday
    const result = await submitReport(citizen, draft(), now)
    expect(result.created).toBe(true)
    expect(result.publicCode).toMatch(/^SEG-2026-\d{6}$/)
    expect(result.officeId).toBe(office['lavori-pubblici'])
    // Strade has a 10 working-day target: Friday 20 Nov → Friday 4 Dec.
    expect(result.dueDate).toBe('2026-12-04')
    const { db } = database.current()
    const events = await db.select().from(reportEvents).where(eq(reportEvents.reportId, result.id))
    expect(events.map((e) => [e.kind, e.visibility])).toEqual([
      ['created', 'public'],
      ['routing', 'internal'],
    ])
    expect(events[1]!.note).toContain('Lavori pubblici')
    const followers = await db.select().from(reportFollowers).where(eq(reportFollowers.reportId, result.id))
    expect(followers).toMatchObject([{ citizenId: citizen.id, via: 'reporter' }])
    const inbox = await db.select().from(inboxItems).where(eq(inboxItems.citizenId, citizen.id))
    expect(inbox.length).toBe(1)
  })

  it('sending the same draft twice, even at the same moment, creates one report', async () => {
    const before = await countReports()
    const same = draft()
    const [a, b] = await Promise.all([submitReport(citizen, same), submitReport(citizen, same)])
    const c = await submitReport(citizen, same)
    expect(a.id).toBe(b.id)
    expect(c).toMatchObject({ id: a.id, publicCode: a.publicCode, created: false })
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1)
    expect(await countReports()).toBe(before + 1)
  })

  it('the same key from another citizen is another draft', async () => {
    const same = draft()
    const mine = await submitReport(citizen, same)
    const theirs = await submitReport(other, same)
    expect(theirs.id).not.toBe(mine.id)
    expect(theirs.created).toBe(true)
  })

  it('public codes count up within the year', async () => {
    const a = await submitReport(citizen, draft())
    const b = await submitReport(citizen, draft())
    expect(Number(b.publicCode.slice(-6))).toBe(Number(a.publicCode.slice(-6)) + 1)
  })

  it('finds the place from an address of the Comune’s street list', async () => {
    const result = await submitReport(citizen, draft({ latitude: undefined, longitude: undefined, address: 'via g. verdi 40' }))
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, result.id))
    expect(row).toMatchObject({ address: 'Via Giuseppe Verdi 40', latitude: 43.4538, longitude: 11.8902 })
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await countReports()
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ latitude: 0, longitude: 0 }, /fuori dal territorio/],
      [{ latitude: 45.4642, longitude: 9.19 }, /fuori dal territorio/],
      [{ latitude: 91, longitude: 11 }, /Posizione non valida/],
      [{ description: 'x'.repeat(100_000) }, /al massimo 4000 caratteri/],
      [{ title: '<script>alert(1)</script>' }, /non usare codice HTML/],
      [{ description: 'Guarda <img src=x onerror=alert(1)>' }, /non usare codice HTML/],
      [{ categoryId: 999_999 }, /Tipo di problema sconosciuto/],
      [{ categoryId: 'strade' }, /Scegli il tipo di problema/],
      [{ latitude: undefined, longitude: undefined, address: 'Via che non esiste' }, /Non troviamo questo indirizzo/],
      [{ latitude: undefined, longitude: undefined, address: undefined }, /Indica dove si trova/],
      [{ photoIds: ['00000000-0000-4000-8000-000000000000'] }, /foto non si trova/],
      [{ contactEmail: 'non-una-email' }, /email non valido/],
      [{ idempotencyKey: 'x' }, /Chiave della bozza/],
    ]
    for (const [overrides, message] of cases) {
      const result = await failure(submitReport(citizen, draft(overrides)))
      expect(result.code, JSON.stringify(overrides).slice(0, 80)).toBe('invalid_input')
      expect(result.message).toMatch(message)
    }
    expect(OUTSIDE_COMUNE).toMatch(/fuori dal territorio/)
    expect(await countReports()).toBe(before)
  })

  it('asks the category’s required extra questions', async () => {
    const { db } = database.current()
    await db
      .update(categories)
      .set({ extraQuestions: [{ code: 'lampione', label: 'Numero del lampione', required: true }] })
      .where(eq(categories.id, cat['illuminazione-pubblica']!.id))
    const base = { categoryId: cat['illuminazione-pubblica']!.id }
    expect((await failure(submitReport(citizen, draft(base)))).message).toMatch(/Numero del lampione/)
    const ok = await submitReport(citizen, draft({ ...base, answers: { lampione: 'L-114', ignota: 'x' } }))
    const [row] = await db.select().from(reports).where(eq(reports.id, ok.id))
    expect(row!.answers).toEqual({ lampione: 'L-114' })
  })

  it('an Open311 client files reports too, with its own idempotency scope', async () => {
    const client = { kind: 'open311' as const, clientId: 'client-1', label: 'App di prova' }
    const same = draft()
    const a = await submitReport(client, same)
    const b = await submitReport(client, same)
    expect(b).toMatchObject({ id: a.id, created: false })
    const [row] = await database.current().db.select().from(reports).where(eq(reports.id, a.id))
    expect(row).toMatchObject({ source: 'open311', sourceClientId: 'client-1', citizenId: null })
  })
})

describe('routing by competence', () => {
  const centro = { lat: 43.468, lon: 11.88 } // inside the "Centro storico" zone
  const piana = { lat: 43.452, lon: 11.87 } // outside it

  it('a category goes to its office by default', async () => {
    const decision = await routeReport(database.current().db, cat['igiene-urbana-rifiuti']!.id, piana)
    expect(decision).toMatchObject({ officeId: office.ambiente, ruleId: null })
  })

  it('a rule for a category in an area sends the reports inside it to another office', async () => {
    // The demo seeds "Verde del centro storico ai Lavori pubblici".
    const parks = cat['parchi-verde']!.id
    expect((await routeReport(database.current().db, parks, centro)).officeId).toBe(office['lavori-pubblici'])
    expect((await routeReport(database.current().db, parks, piana)).officeId).toBe(office.ambiente)
    const report = await submitReport(citizen, draft({ categoryId: parks, latitude: centro.lat, longitude: centro.lon }))
    expect(report.officeId).toBe(office['lavori-pubblici'])
  })

  it('rules are tried in order; a category rule beats an every-category rule at the same order; inactive rules are ignored', async () => {
    const { db } = database.current()
    const rifiuti = cat['igiene-urbana-rifiuti']!.id
    const [any] = await db.insert(routingRules).values({ name: 'Tutto alla Polizia locale', categoryId: null, officeId: office['polizia-locale']!, sortOrder: 50 }).returning()
    expect((await routeReport(db, rifiuti, piana)).officeId).toBe(office['polizia-locale'])
    const [specific] = await db.insert(routingRules).values({ name: 'Rifiuti all’URP', categoryId: rifiuti, officeId: office.urp!, sortOrder: 50 }).returning()
    expect((await routeReport(db, rifiuti, piana)).officeId).toBe(office.urp)
    await db.update(routingRules).set({ active: false }).where(eq(routingRules.id, specific!.id))
    await db.update(routingRules).set({ active: false }).where(eq(routingRules.id, any!.id))
    expect((await routeReport(db, rifiuti, piana)).officeId).toBe(office.ambiente)
  })
})
