import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { alertMessages, alerts, zones } from '@/db/schema/alerts'
import { comuneSettings } from '@/db/schema/comune'
import { saveZone } from './manage-zones'
import { staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import { createAlertDraft } from './create-alert'
import { endAlert, publishAlert } from './publish-alert'
import { alertDraftSchema } from './schemas'
import { getCapDocument, getCapFeed } from './cap-documents'
import { validateCap } from './alert-test-setup'
import { alertFingerprint } from './alert-fingerprint'

async function seenFingerprint(id: string) {
  const [row] = await database.current().db.select().from(alerts).where(eq(alerts.id, id))
  return alertFingerprint(row!)
}

const database = setupTestDatabase({ seed: true })
let actor: StaffActor

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const [row] = await database.current().db.select().from(staffUsers).where(eq(staffUsers.role, 'civil_protection'))
  actor = { kind: 'staff', id: row!.id, email: row!.email, name: row!.name, role: 'civil_protection', officeId: null }
})

afterAll(async () => {
  await stopJobs()
})

describe('CAP publication of alerts', () => {
  it('publishes the alert and its cancellation as schema-valid CAP 1.2, the cancellation referencing the alert; the feed lists alerts in force', async () => {
    const input = alertDraftSchema.parse({
      level: 'arancione',
      phase: 'preallarme',
      risks: ['idraulico', 'temporali'],
      headline: 'Rischio idraulico: il fiume può esondare',
      description: 'Livello del fiume in crescita. Possibili allagamenti nella piana.',
      comuneActions: 'Chiusi i sottopassi di via Roma e via Verdi. COC attivato.',
      instructions: 'Non scendere in cantine e garage. Sali ai piani alti.',
      issuer: 'Sindaco del Comune di Esempio',
      validFrom: new Date(),
      validUntil: new Date(Date.now() + 24 * 3600_000),
      zoneIds: [],
    })
    const { id, identifier } = await createAlertDraft(actor, input, { ip: null })
    await publishAlert(actor, id, {}, { ip: null }) // pending approval
    const [admin] = await database.current().db.select().from(staffUsers).where(eq(staffUsers.role, 'admin'))
    await publishAlert({ kind: 'staff', id: admin!.id, email: admin!.email, name: admin!.name, role: 'admin', officeId: null }, id, { seen: await seenFingerprint(id) }, { ip: null })

    const alertXml = await getCapDocument(`${identifier}.1`)
    expect(alertXml).toContain('<msgType>Alert</msgType>')
    expect(alertXml).toContain('<value>3; orange; Severe</value>')
    validateCap(alertXml!, 'alert.xml')

    const feed = await getCapFeed()
    expect(feed).toContain(`/cap/alerts/${identifier}.1.xml`)
    execFileSync('xmllint', ['--noout', '-'], { input: feed })

    await endAlert(actor, id, { ip: null })
    const cancelXml = await getCapDocument(`${identifier}.2`)
    expect(cancelXml).toContain('<msgType>Cancel</msgType>')
    const [first] = await database.current().db.select().from(alertMessages).where(eq(alertMessages.identifier, `${identifier}.1`))
    expect(cancelXml).toMatch(new RegExp(`<references>[^<]*,${identifier.replace(/\./g, '\\.')}\\.1,`))
    expect(first).toBeDefined()
    validateCap(cancelXml!, 'cancel.xml')
    expect(await getCapFeed()).not.toContain(identifier)
    expect(await getCapDocument('it.comune.esempio.nope.1')).toBeNull()
  })

  it('a published document never changes: editing its zone or the Comune’s phone later leaves the XML identical; the next message carries the zone as it is then', async () => {
    const { db } = database.current()
    const [zone] = await db.select().from(zones).where(eq(zones.name, 'Centro storico'))
    const [adminRow] = await db.select().from(staffUsers).where(eq(staffUsers.role, 'admin'))
    const admin: StaffActor = { kind: 'staff', id: adminRow!.id, email: adminRow!.email, name: adminRow!.name, role: 'admin', officeId: null }
    const input = alertDraftSchema.parse({
      level: 'gialla',
      risks: ['temporali'],
      headline: 'Temporali sul centro storico',
      description: 'Temporali forti attesi sul centro nel pomeriggio.',
      instructions: 'Non sostare sotto gli alberi.',
      issuer: 'Sindaco',
      validFrom: new Date(),
      validUntil: new Date(Date.now() + 6 * 3600_000),
      zoneIds: [zone!.id],
    })
    const { id, identifier } = await createAlertDraft(actor, input, { ip: null })
    await publishAlert(actor, id, {}, { ip: null })
    const published = await getCapDocument(`${identifier}.1`)
    expect(published).toContain('<areaDesc>Centro storico</areaDesc>')

    await saveZone(admin, { zoneId: zone!.id, name: 'Centro e mura', description: '', vertices: '43.460, 11.870\n43.460, 11.890\n43.476, 11.890\n43.476, 11.870' }, { ip: null })
    await db.update(comuneSettings).set({ phone: '+39 0575 000000' })
    expect(await getCapDocument(`${identifier}.1`)).toBe(published)
    validateCap(published!, 'frozen.xml')

    await endAlert(actor, id, { ip: null })
    const cancel = await getCapDocument(`${identifier}.2`)
    expect(cancel).toContain('<areaDesc>Centro e mura</areaDesc>')
    expect(cancel).toContain('43.46,11.87')
    validateCap(cancel!, 'after-edit.xml')
    expect(await getCapDocument(`${identifier}.1`)).toBe(published)
  })

  it('serves the demo alert from last week, ended, as valid CAP', async () => {
    validateCap((await getCapDocument('it.comune.esempio.demo.0001.1'))!, 'demo-alert.xml')
    validateCap((await getCapDocument('it.comune.esempio.demo.0001.2'))!, 'demo-cancel.xml')
  })
})
