import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import webpush from 'web-push'
import { citizenZones, zones } from '@/db/schema/alerts'
import { pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { alertDraft, code, setupAlertTests } from '../alerts/alert-test-setup'
import { countAlertAudience } from '../alerts/count-alert-audience'
import { createAlertDraft } from '../alerts/create-alert'
import { publishAlert } from '../alerts/publish-alert'
import { setZoneRetired } from '../alerts/manage-zones'
import { runFanout } from '../notify/fanout'
import { PushSender } from '../push/push-sender'
import { newCitizen } from '../testing/actors'
import { startPushSink, type PushSink } from '../testing/push-sink'
import { AppError } from '../errors'
import type { CitizenActor } from './actor'
import { listZoneChoices } from './list-zone-choices'
import { saveCitizenZones } from './save-citizen-zones'

const { database, ctx, actors } = setupAlertTests({ ip: '192.0.2.61' })
const draft = alertDraft({ risks: ['idraulico'], description: 'Il fiume sale.', instructions: 'Non scendere nei sottopassi.' })

let sink: PushSink
let sender: PushSender
/** The seeded zones: "Centro storico" (A) and "Piana del fiume" (B). */
let zoneA = 0
let zoneB = 0

beforeAll(async () => {
  sink = await startPushSink()
  sender = new PushSender({ vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }, connect: { ca: sink.ca }, requestTimeoutMs: 2_000 })
  const rows = await database.current().db.select().from(zones)
  zoneA = rows.find((z) => z.name === 'Centro storico')!.id
  zoneB = rows.find((z) => z.name === 'Piana del fiume')!.id
})

afterAll(async () => {
  await sender?.close()
  await sink?.close()
})

/** A citizen following Protezione civile with one phone subscribed at the sink. */
async function follower(): Promise<{ citizen: CitizenActor; endpoint: string }> {
  const { db } = database.current()
  const citizen = await newCitizen(db)
  const [pc] = await db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
  await db.insert(topicSubscriptions).values({ citizenId: citizen.id, topicId: pc!.id })
  const device = sink.newSubscription({ label: citizen.id })
  await db.insert(pushSubscriptions).values({ citizenId: citizen.id, endpoint: device.endpoint, origin: sink.origin, p256dh: device.keys.p256dh, auth: device.keys.auth })
  return { citizen, endpoint: device.endpoint }
}

/** Publishes a yellow alert on one zone and pushes it; returns who got it in the inbox and on the phone. */
async function alertOn(zoneId: number, headline: string) {
  const { db } = database.current()
  const { id } = await createAlertDraft(actors.civil_protection!, draft({ headline, zoneIds: [zoneId] }), ctx)
  await publishAlert(actors.civil_protection!, id, {}, ctx)
  const [n] = await db.select().from(notifications).where(eq(notifications.sourceId, id))
  await runFanout(db, n!.id, { sender, sleep: async () => {} })
  const inbox = (await db.select({ citizenId: inboxItems.citizenId }).from(inboxItems).where(eq(inboxItems.notificationId, n!.id))).map((r) => r.citizenId)
  const title = `Allerta GIALLA: ${headline}`
  const phones = sink
    .received()
    .filter((m) => m.status === 201 && m.payload && (JSON.parse(m.payload) as { title: string }).title === title)
    .map((m) => m.endpoint)
  return { inbox, phones }
}

describe('citizens choose the zones they live or work in', () => {
  it('saves the choice, and a forged or retired zone is refused with nothing changed', async () => {
    const { db } = database.current()
    const citizen = await newCitizen(db)
    expect(await saveCitizenZones({ actor: citizen, zoneIds: [zoneA, zoneA] })).toEqual({ zoneIds: [zoneA] })
    const choices = await listZoneChoices({ actor: citizen })
    expect(choices.filter((z) => z.chosen).map((z) => z.name)).toEqual(['Centro storico'])

    const forged = await saveCitizenZones({ actor: citizen, zoneIds: [zoneB, 987654] }).catch((e: unknown) => e)
    expect(forged).toBeInstanceOf(AppError)
    expect((forged as AppError).code).toBe('invalid_input')
    expect((forged as AppError).message).toMatch(/Una delle zone scelte non esiste più/)
    const [retired] = await db.insert(zones).values({ name: 'Vecchia frazione', polygon: { type: 'Polygon', coordinates: [[[11.87, 43.46], [11.88, 43.46], [11.88, 43.47], [11.87, 43.46]]] }, retiredAt: new Date() }).returning()
    expect(await code(saveCitizenZones({ actor: citizen, zoneIds: [retired!.id] }))).toBe('invalid_input')
    expect((await listZoneChoices({ actor: citizen })).map((z) => z.name)).not.toContain('Vecchia frazione')
    const kept = await db.select({ zoneId: citizenZones.zoneId }).from(citizenZones).where(eq(citizenZones.citizenId, citizen.id))
    expect(kept).toEqual([{ zoneId: zoneA }])

    // Choosing none again means "send me everything".
    await saveCitizenZones({ actor: citizen, zoneIds: [] })
    expect(await db.select().from(citizenZones).where(eq(citizenZones.citizenId, citizen.id))).toHaveLength(0)
  })

  it('only a citizen can choose zones', async () => {
    expect(await code(saveCitizenZones({ actor: actors.civil_protection as unknown as CitizenActor, zoneIds: [zoneA] }))).toBe('forbidden')
  })

  it('an alert on zone A reaches the citizen of zone A and the one with no zone, on the inbox and the phone; not the citizen of zone B', async () => {
    const inA = await follower()
    const inB = await follower()
    const anywhere = await follower()
    await saveCitizenZones({ actor: inA.citizen, zoneIds: [zoneA] })
    await saveCitizenZones({ actor: inB.citizen, zoneIds: [zoneB] })
    const ours = (ids: string[], all: string[]) => all.filter((x) => ids.includes(x)).sort()

    // The composer's count narrows too: the zone-B phone is not counted for zone A.
    const whole = await countAlertAudience(actors.civil_protection!, { zoneIds: [] })
    const onA = await countAlertAudience(actors.civil_protection!, { zoneIds: [zoneA] })
    expect(whole.devices - onA.devices).toBe(1)

    const a = await alertOn(zoneA, 'Sottopasso allagato in centro')
    expect(ours([inA.citizen.id, inB.citizen.id, anywhere.citizen.id], a.inbox)).toEqual([inA.citizen.id, anywhere.citizen.id].sort())
    expect(ours([inA.endpoint, inB.endpoint, anywhere.endpoint], a.phones)).toEqual([inA.endpoint, anywhere.endpoint].sort())

    const b = await alertOn(zoneB, 'Fiume oltre la soglia di guardia')
    expect(ours([inA.citizen.id, inB.citizen.id, anywhere.citizen.id], b.inbox)).toEqual([inB.citizen.id, anywhere.citizen.id].sort())
    expect(ours([inA.endpoint, inB.endpoint, anywhere.endpoint], b.phones)).toEqual([inB.endpoint, anywhere.endpoint].sort())

    // Zone B is retired from the plan: its citizen is back to receiving every alert.
    await setZoneRetired(actors.admin!, zoneB, true, ctx)
    try {
      const again = await alertOn(zoneA, 'Seconda allerta in centro')
      expect(ours([inA.citizen.id, inB.citizen.id, anywhere.citizen.id], again.inbox)).toEqual([inA.citizen.id, inB.citizen.id, anywhere.citizen.id].sort())
      expect(ours([inA.endpoint, inB.endpoint, anywhere.endpoint], again.phones)).toEqual([inA.endpoint, inB.endpoint, anywhere.endpoint].sort())
    } finally {
      await setZoneRetired(actors.admin!, zoneB, false, ctx)
    }
  })
})
