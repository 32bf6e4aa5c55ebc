import { beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { riskTemplates, waitingAreas, zones } from '@/db/schema/alerts'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { saveZone, setZoneRetired } from './manage-zones'
import { saveWaitingArea } from './manage-waiting-areas'
import { saveRiskTemplate } from './manage-risk-templates'
import { getComposerOptions } from './composer-options'
import { waitingAreaSchema, zoneSchema } from './schemas'

const database = setupTestDatabase({ seed: true })
const ctx = { ip: '192.0.2.12' }
const actors: Record<string, StaffActor> = {}

beforeAll(async () => {
  for (const row of await database.current().db.select().from(staffUsers)) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
})

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

const square = '43.470, 11.860\n43.470, 11.870\n43.480, 11.870\n43.480, 11.860'

describe('zones, waiting areas and self-protection instructions', () => {
  it('an admin saves a zone typed as vertices; it is offered in the composer, and retired it is not', async () => {
    const { db } = database.current()
    const { id } = await saveZone(actors.admin!, zoneSchema.parse({ name: 'Frazione Poggio', description: 'Le case sul poggio.', vertices: square }), ctx)
    const [zone] = await db.select().from(zones).where(eq(zones.id, id))
    expect(zone!.polygon.coordinates[0]).toEqual([[11.86, 43.47], [11.87, 43.47], [11.87, 43.48], [11.86, 43.48], [11.86, 43.47]])
    expect((await getComposerOptions(actors.civil_protection!)).zones.map((z) => z.name)).toContain('Frazione Poggio')
    await setZoneRetired(actors.admin!, id, true, ctx)
    expect((await getComposerOptions(actors.civil_protection!)).zones.map((z) => z.name)).not.toContain('Frazione Poggio')
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, String(id))).orderBy(asc(auditLog.id))).map((e) => e.action)
    expect(actions).toEqual(['zone.create', 'zone.retire'])
  })

  it('refuses a polygon that crosses itself, one outside the Comune, an unreadable line and a duplicate name, changing nothing', async () => {
    const { db } = database.current()
    const before = (await db.select().from(zones)).length
    const bowTie = '43.46, 11.87\n43.48, 11.89\n43.46, 11.89\n43.48, 11.87'
    expect((await failure(saveZone(actors.admin!, zoneSchema.parse({ name: 'Farfalla', vertices: bowTie }), ctx))).fieldErrors?.vertices).toBe(
      'Il poligono si interseca con se stesso: ridisegnalo senza lati che si incrociano.',
    )
    const outside = '45.46, 9.18\n45.47, 9.19\n45.48, 9.18'
    expect((await failure(saveZone(actors.admin!, zoneSchema.parse({ name: 'Milano', vertices: outside }), ctx))).fieldErrors?.vertices).toBe('Il poligono esce dal territorio del Comune.')
    expect((await failure(saveZone(actors.admin!, zoneSchema.parse({ name: 'Rotta', vertices: '43.47, 11.86\nboh' }), ctx))).fieldErrors?.vertices).toMatch(/^Riga 2:/)
    expect((await failure(saveZone(actors.admin!, zoneSchema.parse({ name: 'centro storico', vertices: square }), ctx))).fieldErrors?.name).toBe('Esiste già una zona con questo nome.')
    expect((await db.select().from(zones)).length).toBe(before)
  })

  it('a waiting area needs a point inside the Comune; saved, it is offered in the composer', async () => {
    const input = waitingAreaSchema.parse({ name: 'Area di attesa 4 – Scuola media', address: 'Via Dante 5', point: '43.4700, 11.8750' })
    const { id } = await saveWaitingArea(actors.admin!, input, ctx)
    const [area] = await database.current().db.select().from(waitingAreas).where(eq(waitingAreas.id, id))
    expect(area).toMatchObject({ latitude: 43.47, longitude: 11.875, active: true })
    expect((await getComposerOptions(actors.civil_protection!)).waitingAreas.map((a) => a.name)).toContain('Area di attesa 4 – Scuola media')
    const far = await failure(saveWaitingArea(actors.admin!, { ...input, point: '41.9, 12.5' }, ctx))
    expect(far.fieldErrors?.point).toBe('Il punto è fuori dal territorio del Comune.')
  })

  it('risk instructions are saved for the composer; only admins edit the plan', async () => {
    await saveRiskTemplate(actors.admin!, { risk: 'neve', instructionsIt: 'Monta le catene. Esci solo se serve.', instructionsEn: '' }, ctx)
    const [row] = await database.current().db.select().from(riskTemplates).where(eq(riskTemplates.risk, 'neve'))
    expect(row!.instructionsIt).toBe('Monta le catene. Esci solo se serve.')
    expect((await getComposerOptions(actors.civil_protection!)).templates.neve).toBe('Monta le catene. Esci solo se serve.')
    for (const role of ['operator', 'office', 'civil_protection']) {
      expect((await failure(saveZone(actors[role]!, zoneSchema.parse({ name: 'X zona', vertices: square }), ctx))).code).toBe('forbidden')
      expect((await failure(saveRiskTemplate(actors[role]!, { risk: 'neve', instructionsIt: 'Niente da fare qui.', instructionsEn: '' }, ctx))).code).toBe('forbidden')
    }
  })
})
