import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq, inArray } from 'drizzle-orm'
import { campaigns } from '@/db/schema/campaigns'
import { citizens, pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { runFanout } from '../notify/fanout'
import { listNotificationsForStaff } from '../notify/list-notifications-for-staff'
import { startPushSink, type PushSink } from '../testing/push-sink'
import { PushSender } from '../push/push-sender'
import webpush from 'web-push'
import { markNotificationRead } from '../inbox/inbox'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { campaignSchema } from './schemas'
import { createCampaign } from './create-campaign'
import { cancelCampaign } from './cancel-campaign'
import { ensureCampaignQueue, sendScheduledCampaign } from './send-campaign'
import { getCampaign } from './list-campaigns'
import { countCampaignAudience } from './count-campaign-audience'

const database = setupTestDatabase({ seed: true })
const ctx = { ip: '192.0.2.11' }
const actors: Record<string, StaffActor> = {}
const topicId: Record<string, number> = {}
let both: string
let onlyEvents: string
/** The device of the citizen following both topics, and the one of the citizen following Eventi only. */
let bothDevice: string
let goneDevice: string
const hour = 3600_000
let sink: PushSink
let sender: PushSender

beforeAll(async () => {
  sink = await startPushSink()
  sender = new PushSender({ vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:urp@comune.esempio.it' }, connect: { ca: sink.ca }, requestTimeoutMs: 2_000 })
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  await ensureCampaignQueue(boss)
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
  for (const t of await db.select().from(topics)) topicId[t.slug] = t.id
  const [topicA] = await db.insert(topics).values({ slug: 'mercati', nameIt: 'Mercati', nameEn: 'Markets' }).returning()
  topicId.mercati = topicA!.id
  const people = await db
    .insert(citizens)
    .values([0, 1].map(() => ({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() })))
    .returning()
  both = people[0]!.id
  onlyEvents = people[1]!.id
  await db.insert(topicSubscriptions).values([
    { citizenId: both, topicId: topicId.eventi! },
    { citizenId: both, topicId: topicId.mercati! },
    { citizenId: onlyEvents, topicId: topicId.eventi! },
  ])
  const devices = [sink.newSubscription({ label: 'both' }), sink.newSubscription({ label: 'only-events' })]
  bothDevice = devices[0]!.endpoint
  goneDevice = devices[1]!.endpoint
  await db.insert(pushSubscriptions).values(
    devices.map((d, i) => ({ citizenId: i === 0 ? both : onlyEvents, endpoint: d.endpoint, origin: sink.origin, p256dh: d.keys.p256dh, auth: d.keys.auth })),
  )
  // The second phone was uninstalled: its push service answers 410 Gone.
  sink.behave(goneDevice, { status: 410 })
})

afterAll(async () => {
  await sender?.close()
  await sink?.close()
  await stopJobs()
})

const input = (overrides: Record<string, unknown> = {}) =>
  campaignSchema.parse({
    title: 'Mercatino di Natale',
    body: 'Sabato e domenica in piazza della Libertà, dalle 10 alle 19.',
    url: '/eventi',
    topicIds: [topicId.eventi, topicId.mercati],
    when: 'now',
    ...overrides,
  })

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('broadcast campaigns', () => {
  it('sends a multi-topic campaign once to each device and citizen, and shows sent, gone and opened', async () => {
    const { db } = database.current()
    expect(await countCampaignAudience(actors.operator!, [topicId.eventi!, topicId.mercati!])).toMatchObject({ citizens: 2, devices: 2 })

    const outcome = await createCampaign(actors.operator!, input(), ctx)
    expect(outcome).toMatchObject({ state: 'sent', devices: 2, recipients: 2 })
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, outcome.id))
    expect(row).toMatchObject({ state: 'sent', devices: 2 })
    const sent = await db.select().from(notifications).where(inArray(notifications.id, row!.notificationIds))
    expect(sent).toHaveLength(1)
    const inbox = await db.select().from(inboxItems).where(inArray(inboxItems.notificationId, row!.notificationIds))
    expect(inbox.map((i) => i.citizenId).sort()).toEqual([both, onlyEvents].sort())

    await runFanout(db, sent[0]!.id, { sender, sleep: async () => {} })
    // The citizen following both topics gets the campaign on the phone once, not once per topic.
    const onPhone = sink.received(bothDevice)
    expect(onPhone).toHaveLength(1)
    expect(onPhone[0]).toMatchObject({ status: 201, headers: { topic: sent[0]!.pushTopic } })
    expect(JSON.parse(onPhone[0]!.payload!)).toMatchObject({ title: 'Mercatino di Natale', url: '/eventi' })
    expect(sink.received(goneDevice).map((m) => m.status)).toEqual([410])
    // The gone phone is forgotten; the citizen who follows only Eventi still has the message in the inbox.
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, goneDevice))).toHaveLength(0)

    // The citizen taps the notification on the phone: the service worker reports it.
    await markNotificationRead({ kind: 'citizen', id: both, locale: 'it' }, sent[0]!.id)
    const campaign = await getCampaign(actors.operator!, outcome.id)
    expect(campaign!.stats).toMatchObject({ total: 2, sent: 1, gone: 1, failed: 0, pending: 0, opened: 1, inbox: 2, finished: true })

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, outcome.id))
    expect(entry).toMatchObject({ action: 'campaign.send', details: expect.objectContaining({ devices: 2 }) })

    // Staff's list of what was sent names both topics, not only the first.
    const listed = (await listNotificationsForStaff(actors.operator!)).find((n) => n.id === sent[0]!.id)
    const [eventi, mercati] = await Promise.all([topicId.eventi!, topicId.mercati!].map(async (id) => (await db.select().from(topics).where(eq(topics.id, id)))[0]!.nameIt))
    expect(listed?.topicName).toBe(`${eventi}, ${mercati}`)
  })

  it('a scheduled campaign waits, can be cancelled before sending, and then sends nothing', async () => {
    const { db } = database.current()
    const at = new Date(Date.now() + 2 * hour)
    const outcome = await createCampaign(actors.admin!, input({ when: 'later', scheduledFor: at }), ctx)
    expect(outcome).toMatchObject({ state: 'scheduled', scheduledFor: at })
    await cancelCampaign(actors.operator!, outcome.id, ctx)
    expect(await sendScheduledCampaign(outcome.id, new Date(at.getTime() + 1000))).toBe('cancelled')
    expect(await db.select().from(notifications).where(eq(notifications.sourceId, outcome.id))).toHaveLength(0)
    expect((await failure(cancelCampaign(actors.operator!, outcome.id, ctx))).message).toMatch(/già stata annullata/)
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, outcome.id)).orderBy(asc(auditLog.id))).map((e) => e.action)
    expect(actions).toEqual(['campaign.schedule', 'campaign.cancel'])
  })

  it('a scheduled campaign goes out at its time, once; a sent campaign cannot be cancelled', async () => {
    const { db } = database.current()
    const at = new Date(Date.now() + hour)
    const { id } = await createCampaign(actors.operator!, input({ when: 'later', scheduledFor: at, topicIds: [topicId.eventi] }), ctx)
    await expect(sendScheduledCampaign(id, new Date())).rejects.toThrow(/is due at/)
    expect(await sendScheduledCampaign(id, at)).toBe('sent')
    expect(await sendScheduledCampaign(id, at)).toBe('already_sent')
    expect(await db.select().from(notifications).where(eq(notifications.sourceId, id))).toHaveLength(1)
    expect((await failure(cancelCampaign(actors.operator!, id, ctx))).code).toBe('conflict')
  })

  it('refuses a retired topic by name, a time in the past, and roles other than operator and admin', async () => {
    const { db } = database.current()
    const [retired] = await db.insert(topics).values({ slug: 'vecchio', nameIt: 'Vecchio argomento', nameEn: 'Old', retiredAt: new Date() }).returning()
    const error = await failure(createCampaign(actors.operator!, input({ topicIds: [topicId.eventi, retired!.id] }), ctx))
    expect(error.fieldErrors?.topicIds).toBe('L’argomento «Vecchio argomento» è stato ritirato: nessun cittadino lo riceverebbe. Scegli un argomento in uso.')
    const past = await failure(createCampaign(actors.operator!, input({ when: 'later', scheduledFor: new Date(Date.now() - hour) }), ctx))
    expect(past.fieldErrors?.scheduledFor).toMatch(/già passata/)
    expect(campaignSchema.safeParse({ title: 'Ciao', body: 'Messaggio', topicIds: [], when: 'now' }).error?.issues[0]?.message).toBe('Scegli almeno un argomento.')
    for (const role of ['civil_protection', 'office']) expect((await failure(createCampaign(actors[role]!, input(), ctx))).code).toBe('forbidden')
    expect(await db.select().from(campaigns).where(eq(campaigns.title, 'Mercatino di Natale'))).toHaveLength(3)
  })

  it('a scheduled campaign whose topics were all retired meanwhile is not sent, and says so', async () => {
    const { db } = database.current()
    const [temp] = await db.insert(topics).values({ slug: 'temporaneo', nameIt: 'Temporaneo', nameEn: 'Temp' }).returning()
    const at = new Date(Date.now() + hour)
    const { id } = await createCampaign(actors.operator!, input({ when: 'later', scheduledFor: at, topicIds: [temp!.id] }), ctx)
    await db.update(topics).set({ retiredAt: new Date() }).where(eq(topics.id, temp!.id))
    expect(await sendScheduledCampaign(id, at)).toBe('failed')
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id))
    expect(row!.state).toBe('failed')
  })
})
