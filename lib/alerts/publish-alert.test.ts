import { describe, expect, it } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { alertMessages, alerts, citizenZones, waitingAreas, zones } from '@/db/schema/alerts'
import { citizens, pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { queryRows } from '@/db/execute'
import { devicesQuery, notificationAudience } from '../notify/audience'
import { countAlertAudience } from './count-alert-audience'
import { getPublicAlert } from './public-alerts'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { AppError } from '../errors'
import { buildPayload } from '../notify/payload'
import { createAlertDraft } from './create-alert'
import { endAlert, publishAlert } from './publish-alert'
import { alertDraftSchema } from './schemas'
import { alertDraft, code, hour, setupAlertTests } from './alert-test-setup'

const { database, ctx, actors, secondCp, seen } = setupAlertTests({ ip: '192.0.2.7' })

const draft = alertDraft({
  risks: ['temporali'],
  headline: 'Temporali forti nel pomeriggio',
  description: 'Il Centro funzionale regionale prevede temporali forti dalle 14.',
  instructions: 'Evitate i sottopassi. Non sostate sotto gli alberi.',
})

describe('alerts', () => {
  it('only civil protection and admins can draft or publish', async () => {
    for (const role of ['operator', 'office']) {
      expect(await code(createAlertDraft(actors[role]!, draft(), ctx))).toBe('forbidden')
    }
  })

  it('a yellow alert is published by the person who drafted it, to Protezione civile subscribers', async () => {
    const { id } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
    const outcome = await publishAlert(actors.civil_protection!, id, {}, ctx)
    expect(outcome).toMatchObject({ state: 'active', override: false })
    const [n] = await database.current().db.select().from(notifications).where(eq(notifications.sourceId, id))
    expect(n).toMatchObject({ kind: 'alert', urgency: 'high', url: `/allerte/${id}`, title: 'Allerta GIALLA: Temporali forti nel pomeriggio' })
    expect(n!.ttlSeconds).toBeGreaterThan(11 * 3600)
    // Delivered at once (Android holds normal-urgency pushes in Doze), but not kept on screen.
    expect(JSON.parse(buildPayload({ ...n!, urgency: 'high' }))).toMatchObject({ urgency: 'high', requireInteraction: false })
  })

  it('an orange alert needs a second person: the drafter can only submit it', async () => {
    const { id } = await createAlertDraft(actors.civil_protection!, draft({ level: 'arancione' }), ctx)
    expect(await publishAlert(actors.civil_protection!, id, {}, ctx)).toEqual({ state: 'pending_approval' })
    expect(await code(publishAlert(actors.civil_protection!, id, {}, ctx))).toBe('forbidden')
    expect(await database.current().db.select().from(notifications).where(eq(notifications.sourceId, id))).toHaveLength(0)

    // The approver approves what the page showed them, and nothing else.
    expect(await code(publishAlert(secondCp(), id, {}, ctx))).toBe('conflict')
    const outcome = await publishAlert(secondCp(), id, { seen: await seen(id) }, ctx)
    expect(outcome).toMatchObject({ state: 'active', override: false })
    const [row] = await database.current().db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ state: 'active', approvedBy: secondCp().id, draftedBy: actors.civil_protection!.id, override: false })
    const [n] = await database.current().db.select().from(notifications).where(eq(notifications.sourceId, id))
    expect(n?.urgency).toBe('high')
    expect(JSON.parse(buildPayload({ ...n!, urgency: 'high' })).requireInteraction).toBe(true)
    const actions = (await database.current().db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((e) => e.action)
    expect(actions).toEqual(['alert.draft', 'alert.submit', 'alert.publish'])
  })

  it('refuses an approval of text that changed after the approver opened it, and sends nothing', async () => {
    const { db } = database.current()
    const { id } = await createAlertDraft(actors.civil_protection!, draft({ level: 'rossa' }), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    const shown = await seen(id)
    await db.update(alerts).set({ instructions: 'Restate dove siete.' }).where(eq(alerts.id, id))
    const refused = await publishAlert(secondCp(), id, { seen: shown }, ctx).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).message).toMatch(/modificata dopo che hai aperto la pagina/)
    const [row] = await db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ state: 'pending_approval', approvedBy: null, version: 0 })
    expect(await db.select().from(notifications).where(eq(notifications.sourceId, id))).toHaveLength(0)
    expect(await publishAlert(secondCp(), id, { seen: await seen(id) }, ctx)).toMatchObject({ state: 'active' })
  })

  it('an admin may publish a red alert alone in an emergency; the override is recorded and flagged', async () => {
    const { id } = await createAlertDraft(actors.admin!, draft({ level: 'rossa' }), ctx)
    expect(await code(publishAlert(actors.civil_protection!, id, { overrideReason: 'fretta' }, ctx))).toBe('forbidden')
    const outcome = await publishAlert(actors.admin!, id, { overrideReason: 'Esondazione in corso, sala operativa non raggiungibile' }, ctx)
    expect(outcome).toMatchObject({ state: 'active', override: true })
    const [row] = await database.current().db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ override: true, overrideReason: 'Esondazione in corso, sala operativa non raggiungibile', approvedBy: null })
    const [entry] = await database.current().db.select().from(auditLog).where(eq(auditLog.action, 'alert.override'))
    expect(entry?.targetId).toBe(id)
  })

  it('an admin’s reason on a yellow alert is no override: published, logged and shown as an ordinary publication', async () => {
    const { db } = database.current()
    const { id } = await createAlertDraft(actors.admin!, draft(), ctx)
    expect(await publishAlert(actors.admin!, id, { overrideReason: 'Per sicurezza' }, ctx)).toMatchObject({ state: 'active', override: false })
    expect((await db.select().from(alerts).where(eq(alerts.id, id)))[0]).toMatchObject({ override: false, overrideReason: null })
    expect((await db.select().from(alertMessages).where(eq(alertMessages.alertId, id)))[0]).toMatchObject({ override: false, overrideReason: null })
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((e) => e.action)
    expect(actions).toEqual(['alert.draft', 'alert.publish'])
  })

  it('refuses a validity beyond 14 days and aree di attesa that do not exist or are no longer in use; caps the push TTL at 28 days', async () => {
    const { db } = database.current()
    const long = await createAlertDraft(actors.civil_protection!, draft({ validUntil: new Date(Date.now() + 15 * 24 * hour) }), ctx).catch((e: unknown) => e)
    expect((long as AppError).fieldErrors?.validUntil).toMatch(/al massimo 14 giorni/)
    const missing = await createAlertDraft(actors.civil_protection!, draft({ waitingAreaIds: [999_999] }), ctx).catch((e: unknown) => e)
    expect((missing as AppError).fieldErrors?.waitingAreaIds).toMatch(/non esiste più o non è più in uso/)
    const [closed] = await db.insert(waitingAreas).values({ name: 'Vecchio campo sportivo', address: 'Via Vecchia 1', latitude: 43.47, longitude: 11.88, active: false }).returning()
    const inactive = await createAlertDraft(actors.civil_protection!, draft({ waitingAreaIds: [closed!.id] }), ctx).catch((e: unknown) => e)
    expect((inactive as AppError).fieldErrors?.waitingAreaIds).toMatch(/non è più in uso/)

    // A draft saved before the bound, valid for 40 days: its push lives 28 days, the most push services keep.
    const { id } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
    await db.update(alerts).set({ validUntil: new Date(Date.now() + 40 * 24 * hour) }).where(eq(alerts.id, id))
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    const [n] = await db.select().from(notifications).where(eq(notifications.sourceId, id))
    expect(n!.ttlSeconds).toBe(28 * 24 * 3600)
  })

  it('refuses a red alert without instructions, an expired validity, and a polygon that crosses itself', async () => {
    const red = alertDraftSchema.safeParse({ ...draft(), level: 'rossa', instructions: '' })
    expect(red.error?.issues[0]?.message).toMatch(/allerta rossa deve dire ai cittadini cosa fare/)
    const past = draft({ validFrom: new Date(Date.now() - 5 * hour), validUntil: new Date(Date.now() - hour) })
    const expired = await createAlertDraft(actors.civil_protection!, past, ctx).catch((e: unknown) => e)
    expect((expired as AppError).fieldErrors?.validUntil).toMatch(/già finita/)
    const bowTie = [[11.87, 43.46], [11.89, 43.48], [11.89, 43.46], [11.87, 43.48], [11.87, 43.46]]
    const crossing = await createAlertDraft(actors.civil_protection!, draft({ customPolygon: bowTie }), ctx).catch((e: unknown) => e)
    expect((crossing as AppError).fieldErrors?.customPolygon).toMatch(/si interseca/)
  })

  it('targets zones: citizens of the zone and citizens who chose no zone, not those elsewhere', async () => {
    const { db } = database.current()
    const [north] = await db.insert(zones).values({ name: 'Frazione Nord', polygon: { type: 'Polygon', coordinates: [[[11.86, 43.48], [11.9, 43.48], [11.9, 43.5], [11.86, 43.48]]] } }).returning()
    const [south] = await db.insert(zones).values({ name: 'Frazione Sud', polygon: { type: 'Polygon', coordinates: [[[11.86, 43.44], [11.9, 43.44], [11.9, 43.45], [11.86, 43.44]]] } }).returning()
    const [pc] = await db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
    const people = await db
      .insert(citizens)
      .values([0, 1, 2, 3].map(() => ({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() })))
      .returning()
    const [anywhere, inNorth, inSouth, notFollowing] = people
    await db.insert(topicSubscriptions).values([anywhere!, inNorth!, inSouth!].map((c) => ({ citizenId: c.id, topicId: pc!.id })))
    await db.insert(citizenZones).values([
      { citizenId: inNorth!.id, zoneId: north!.id },
      { citizenId: inSouth!.id, zoneId: south!.id },
      { citizenId: notFollowing!.id, zoneId: north!.id },
    ])
    const { id } = await createAlertDraft(actors.civil_protection!, draft({ zoneIds: [north!.id] }), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    const [n] = await db.select().from(notifications).where(eq(notifications.sourceId, id))
    const reached = (await db.select().from(inboxItems).where(eq(inboxItems.notificationId, n!.id))).map((i) => i.citizenId)
    const ours = reached.filter((c) => people.some((p) => p.id === c))
    expect(ours.sort()).toEqual([anywhere!.id, inNorth!.id].sort())
  })

  it('an area drawn for one alert reaches citizens whose zones it touches and those who chose none; the composer counted the same devices; its page shows the area', async () => {
    const { db } = database.current()
    const square = (lon: number, lat: number, size: number): Array<[number, number]> => [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    const [west] = await db.insert(zones).values({ name: 'Borgo Ovest', polygon: { type: 'Polygon', coordinates: [square(11.835, 43.47, 0.015)] } }).returning()
    const [east] = await db.insert(zones).values({ name: 'Borgo Est', polygon: { type: 'Polygon', coordinates: [square(11.91, 43.465, 0.015)] } }).returning()
    const [pc] = await db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
    const people = await db
      .insert(citizens)
      .values([0, 1, 2].map(() => ({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() })))
      .returning()
    const [noZone, inWest, inEast] = people
    await db.insert(topicSubscriptions).values(people.map((c) => ({ citizenId: c.id, topicId: pc!.id })))
    await db.insert(citizenZones).values([
      { citizenId: inWest!.id, zoneId: west!.id },
      { citizenId: inEast!.id, zoneId: east!.id },
    ])
    await db.insert(pushSubscriptions).values(
      people.map((c, i) => ({ citizenId: c.id, endpoint: `https://push.example/drawn-${i}`, origin: 'https://push.example', p256dh: 'k', auth: 'a' })),
    )
    const reachedBy = async (alertId: string) => {
      const [n] = await db.select().from(notifications).where(eq(notifications.sourceId, alertId))
      const inbox = (await db.select().from(inboxItems).where(eq(inboxItems.notificationId, n!.id))).map((i) => i.citizenId)
      const devices = await queryRows<{ id: string }>(db, devicesQuery(notificationAudience(n!)))
      const ours = await db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.citizenId, people.map((p) => p.id)))
      return {
        inbox: inbox.filter((c) => people.some((p) => p.id === c)).sort(),
        devices: ours.filter((d) => devices.some((x) => x.id === d.id)).map((d) => d.citizenId).sort(),
      }
    }

    // Overlaps Borgo Ovest only.
    const drawn = square(11.845, 43.475, 0.015)
    const counted = await countAlertAudience(actors.civil_protection!, { zoneIds: [], customPolygon: { type: 'Polygon', coordinates: [drawn] } })
    const { id } = await createAlertDraft(actors.civil_protection!, draft({ customPolygon: drawn }), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    expect(await reachedBy(id)).toEqual({ inbox: [noZone!.id, inWest!.id].sort(), devices: [noZone!.id, inWest!.id].sort() })
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'alert.publish')))
    expect((entry!.details as { devices: number }).devices).toBe(counted.devices)
    const page = await getPublicAlert(id)
    expect(page!.area).toEqual({ drawn, zoneNames: expect.arrayContaining(['Borgo Ovest']) })
    expect(page!.area.zoneNames).not.toContain('Borgo Est')

    // Drawn where no standing zone lies: only those who chose no zone.
    const nowhere = square(11.915, 43.455, 0.005)
    const { id: lonely } = await createAlertDraft(actors.civil_protection!, draft({ customPolygon: nowhere }), ctx)
    await publishAlert(actors.civil_protection!, lonely, {}, ctx)
    expect(await reachedBy(lonely)).toEqual({ inbox: [noZone!.id], devices: [noZone!.id] })
    expect((await getPublicAlert(lonely))!.area).toEqual({ drawn: nowhere, zoneNames: [] })

    // No area at all: the whole territory, everyone.
    const { id: everywhere } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
    await publishAlert(actors.civil_protection!, everywhere, {}, ctx)
    expect((await reachedBy(everywhere)).devices).toEqual(people.map((p) => p.id).sort())
  })

  it('"cessata allerta" ends the alert with a Cancel message that replaces the original on phones', async () => {
    const { db } = database.current()
    const { id } = await createAlertDraft(actors.civil_protection!, draft(), ctx)
    await publishAlert(actors.civil_protection!, id, {}, ctx)
    await endAlert(actors.civil_protection!, id, ctx)
    const [row] = await db.select().from(alerts).where(eq(alerts.id, id))
    expect(row).toMatchObject({ state: 'ended', version: 2 })
    const messages = await db.select().from(alertMessages).where(eq(alertMessages.alertId, id)).orderBy(alertMessages.id)
    expect(messages.map((m) => [m.msgType, m.identifier])).toEqual([
      ['Alert', `${row!.identifier}.1`],
      ['Cancel', `${row!.identifier}.2`],
    ])
    const sent = await db.select().from(notifications).where(inArray(notifications.id, messages.map((m) => m.notificationId!)))
    expect(new Set(sent.map((n) => n.pushTopic)).size).toBe(1)
    const cessata = sent.find((n) => n.title.startsWith('Cessata allerta'))
    expect(cessata?.urgency).toBe('high')
    expect(JSON.parse(buildPayload({ ...cessata!, urgency: 'high' })).requireInteraction).toBe(false)
    expect(await code(endAlert(actors.civil_protection!, id, ctx))).toBe('conflict')
  })
})
