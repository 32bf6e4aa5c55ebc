import { beforeAll, describe, expect, it } from 'vitest'
import { and, desc, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { categories, routingRules } from '@/db/schema/reports'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { routeReport } from './route-report'
import { deleteRoutingRule, getRoutingRule, listRoutingRules, saveRoutingRule } from './routing-rules'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
const context = { ip: '127.0.0.1' }
const officeIds: Record<string, number> = {}
let parchi: number
let seededRuleId: number

/** Inside the Centro storico (where the seeded rule applies) and in the Piana, south-east, outside it. */
const centro = { lat: 43.468, lon: 11.88 }
const piana = { lat: 43.452, lon: 11.892 }
/** A square around `piana`, [lon, lat], closed. */
const pianaSquare: Array<[number, number]> = [[11.888, 43.449], [11.896, 43.449], [11.896, 43.455], [11.888, 43.455], [11.888, 43.449]]

beforeAll(async () => {
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  for (const o of await db.select().from(offices)) officeIds[o.slug] = o.id
  const [cat] = await db.select().from(categories).where(eq(categories.slug, 'parchi-verde'))
  parchi = cat!.id
  seededRuleId = (await listRoutingRules(actors.admin!)).find((r) => r.name === 'Verde del centro storico ai Lavori pubblici')!.id
})

async function errorOf(promise: Promise<unknown>): Promise<AppError | null> {
  try {
    await promise
    return null
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
}

const route = (point: { lat: number; lon: number }) => routeReport(database.current().db, parchi, point)
const lastAudit = async () => (await database.current().db.select().from(auditLog).where(eq(auditLog.targetType, 'routing_rule')).orderBy(desc(auditLog.id)).limit(1))[0]

describe('editing a routing rule', () => {
  it('moves its office, order and area: new reports follow the rule as edited, and the audit log says what changed', async () => {
    const before = await getRoutingRule(actors.admin!, seededRuleId)
    expect(before).toMatchObject({ officeId: officeIds['lavori-pubblici'], sortOrder: 10, active: true })
    expect((await route(centro)).officeId).toBe(officeIds['lavori-pubblici'])
    expect((await route(piana)).officeId).toBe(officeIds.ambiente)

    await saveRoutingRule(
      actors.admin!,
      seededRuleId,
      { name: 'Verde della Piana alla Polizia locale', categoryId: String(parchi), officeId: String(officeIds['polizia-locale']), areaScope: 'area', area: pianaSquare, sortOrder: '5', active: true },
      context,
    )
    const after = await getRoutingRule(actors.admin!, seededRuleId)
    expect(after).toMatchObject({ name: 'Verde della Piana alla Polizia locale', categoryId: parchi, officeId: officeIds['polizia-locale'], sortOrder: 5, active: true, area: { type: 'Polygon', coordinates: [pianaSquare] } })
    const inPiana = await route(piana)
    expect(inPiana).toMatchObject({ officeId: officeIds['polizia-locale'], ruleId: seededRuleId, reason: 'Regola «Verde della Piana alla Polizia locale»' })
    // The Centro storico is back to the category's own office.
    expect(await route(centro)).toMatchObject({ officeId: officeIds.ambiente, ruleId: null })

    const audit = await lastAudit()
    expect(audit).toMatchObject({ action: 'routing_rule.update', actorId: actors.admin!.id, targetId: String(seededRuleId), ip: '127.0.0.1' })
    expect(audit!.details).toMatchObject({
      changes: {
        name: { from: 'Verde del centro storico ai Lavori pubblici', to: 'Verde della Piana alla Polizia locale' },
        officeId: { from: officeIds['lavori-pubblici'], to: officeIds['polizia-locale'] },
        sortOrder: { from: 10, to: 5 },
        area: { from: '4 vertici', to: '4 vertici' },
      },
    })
    expect(Object.keys((audit!.details as { changes: object }).changes)).not.toContain('active')

    // The form sends the vertices as typed, one "lat, lon" per line, without repeating the first.
    await saveRoutingRule(actors.admin!, seededRuleId, { name: 'Verde della Piana alla Polizia locale', categoryId: String(parchi), officeId: String(officeIds['polizia-locale']), areaScope: 'area', area: '43.449, 11.888\n43.449, 11.896\n\n43.455, 11.896\n43.455, 11.888\n', sortOrder: '5', active: true }, context)
    expect(await getRoutingRule(actors.admin!, seededRuleId)).toMatchObject({ area: { coordinates: [pianaSquare] } })

    // The area can be dropped (the whole Comune) and the rule switched off: then it routes nothing.
    await saveRoutingRule(actors.admin!, seededRuleId, { name: 'Verde della Piana alla Polizia locale', categoryId: String(parchi), officeId: String(officeIds['polizia-locale']), areaScope: 'comune', area: [], sortOrder: '5', active: false }, context)
    expect(await getRoutingRule(actors.admin!, seededRuleId)).toMatchObject({ area: null, active: false })
    expect((await route(piana)).officeId).toBe(officeIds.ambiente)
    expect((await lastAudit())!.details).toMatchObject({ changes: { active: { from: true, to: false }, area: { from: '4 vertici', to: 'tutto il Comune' } } })
  })

  it('refuses an area that crosses itself or leaves the Comune, a forged office and an unknown rule, changing nothing', async () => {
    const [rule] = await database.current().db.insert(routingRules).values({ name: 'Da non rovinare', categoryId: parchi, officeId: officeIds.ambiente!, area: { type: 'Polygon', coordinates: [pianaSquare] }, sortOrder: 50 }).returning()
    const auditsBefore = (await database.current().db.select().from(auditLog).where(and(eq(auditLog.targetType, 'routing_rule'), eq(auditLog.targetId, String(rule!.id))))).length
    const valid = { name: 'Rovinata', categoryId: String(parchi), officeId: String(officeIds['polizia-locale']), areaScope: 'area', area: pianaSquare, sortOrder: '50', active: true }

    const bowTie: Array<[number, number]> = [[11.888, 43.449], [11.896, 43.455], [11.896, 43.449], [11.888, 43.455], [11.888, 43.449]]
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, area: bowTie }, context))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { area: 'Il poligono si interseca con se stesso: ridisegnalo senza lati che si incrociano.' },
    })
    const outside: Array<[number, number]> = [[12.5, 41.9], [12.51, 41.9], [12.51, 41.91], [12.5, 41.9]]
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, area: outside }, context))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { area: 'Il poligono esce dal territorio del Comune.' },
    })
    // A half-drawn area or an unreadable line is refused: it never becomes "the whole Comune".
    for (const [area, message] of [
      ['43.449, 11.888\n43.455, 11.896', 'L’area ha solo 2 vertici: ne servono almeno tre. Completa il disegno o scegli «Tutto il territorio comunale».'],
      ['43.449, 11.888', 'L’area ha un solo vertice: ne servono almeno tre. Completa il disegno o scegli «Tutto il territorio comunale».'],
      ['', 'L’area non ha vertici: ne servono almeno tre. Completa il disegno o scegli «Tutto il territorio comunale».'],
      [[[11.888, 43.449], [11.896, 43.455], [11.888, 43.449]], 'L’area ha solo 2 vertici: ne servono almeno tre. Completa il disegno o scegli «Tutto il territorio comunale».'],
      ['43.449, 11.888\n43.455 11.896 x\n43.449, 11.896\n43.455, 11.888', 'Vertici dell’area, riga 2: scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802.'],
    ] as const) {
      expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, area }, context))).toMatchObject({ code: 'invalid_input', fieldErrors: { area: message } })
    }
    // "The whole Comune" is a choice of its own, and cannot carry vertices nor be left unsaid.
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, areaScope: 'comune' }, context))).toMatchObject({ code: 'invalid_input', fieldErrors: { area: expect.stringContaining('Hai scelto tutto il territorio comunale') } })
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, areaScope: undefined, area: '' }, context))).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { areaScope: 'Scegli dove vale la regola: tutto il territorio comunale o solo un’area disegnata.' },
    })
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, officeId: '999999' }, context))).toMatchObject({ code: 'invalid_input', message: 'Ufficio sconosciuto.' })
    expect(await errorOf(saveRoutingRule(actors.admin!, rule!.id, { ...valid, name: '<script>alert(1)</script>' }, context))).toMatchObject({ code: 'invalid_input' })
    expect(await errorOf(saveRoutingRule(actors.admin!, 999_999, valid, context))).toMatchObject({ code: 'not_found' })
    expect(await errorOf(saveRoutingRule(actors.admin!, Number.NaN, valid, context))).toMatchObject({ code: 'not_found' })

    expect(await getRoutingRule(actors.admin!, rule!.id)).toMatchObject({ name: 'Da non rovinare', officeId: officeIds.ambiente, sortOrder: 50, area: { coordinates: [pianaSquare] } })
    const auditsAfter = (await database.current().db.select().from(auditLog).where(and(eq(auditLog.targetType, 'routing_rule'), eq(auditLog.targetId, String(rule!.id))))).length
    expect(auditsAfter).toBe(auditsBefore)
  })

  it('is for administrators only: operators and office staff can read the rules but not change them', async () => {
    const [rule] = await database.current().db.insert(routingRules).values({ name: 'Solo lettura', categoryId: null, officeId: officeIds.urp!, sortOrder: 900 }).returning()
    const edit = { name: 'Cambiata', categoryId: '', officeId: String(officeIds.ambiente), areaScope: 'comune', area: [], sortOrder: '1', active: true }
    for (const role of ['operator', 'office', 'civil_protection']) {
      expect((await errorOf(saveRoutingRule(actors[role]!, rule!.id, edit, context)))?.code).toBe('forbidden')
      expect(await errorOf(getRoutingRule(actors[role]!, rule!.id))).toMatchObject({ code: 'forbidden' })
      expect((await errorOf(deleteRoutingRule(actors[role]!, rule!.id, context)))?.code).toBe('forbidden')
    }
    expect((await listRoutingRules(actors.operator!)).find((r) => r.id === rule!.id)).toMatchObject({ name: 'Solo lettura', sortOrder: 900 })
  })
})
