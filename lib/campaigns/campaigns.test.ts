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
import { runFanout, type Sender } from '../notify/fanout'
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
const hour = 3600_000

/** A push service that accepts everything, except devices whose endpoint says "gone". */
const sender: Sender = { send: async (target) => (target.endpoint.includes('gone') ? { kind: 'gone', status: 410 } : { kind: 'sent', status: 201 }) }

beforeAll(async () => {
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
  await db.insert(pushSubscriptions).values([
    { citizenId: both, endpoint: 'https://push.example/both-1', origin: 'https://push.example', p256dh: 'k', auth: 'a' },
    { citizenId: onlyEvents, endpoint: 'https://push.example/gone-1', origin: 'https://push.example', p256dh: 'k', auth: 'a' },
  ])
})

afterAll(async () => {
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
  it('counts each device once across topics, sends at once, one inbox entry per citizen, and shows sent, gone and opened', async () => {
    const { db } = database.current()
    expect(await countCampaignAudience(actors.operator!, [topicId.eventi!, topicId.mercati!])).toMatchObject({ citizens: 2, devices: 2 })

    const outcome = await createCampaign(actors.operator!, input(), ctx)
    expect(outcome).toMatchObject({ state: 'sent', devices: 2, recipients: 2 })
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, outcome.id))
    expect(row).toMatchObject({ state: 'sent', devices: 2 })
    const sent = await db.select().from(notifications).where(inArray(notifications.id, row!.notificationIds))
    expect(sent).toHaveLength(2)
    expect(new Set(sent.map((n) => n.pushTopic)).size).toBe(1)
    const inbox = await db.select().from(inboxItems).where(inArray(inboxItems.notificationId, row!.notificationIds))
    expect(inbox.map((i) => i.citizenId).sort()).toEqual([both, onlyEvents].sort())

    for (const n of sent) await runFanout(db, n.id, { sender, sleep: async () => {} })
    // The citizen taps the notification on the phone: the service worker reports it.
    await markNotificationRead({ kind: 'citizen', id: both, locale: 'it' }, sent[1]!.id)
    const campaign = await getCampaign(actors.operator!, outcome.id)
    expect(campaign!.stats).toMatchObject({ sent: 2, gone: 1, failed: 0, opened: 1, finished: true })
    // both's device got it for each topic (the phone shows it once: same tag); the other device is gone.
    expect(campaign!.stats.total).toBe(3)

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, outcome.id))
    expect(entry).toMatchObject({ action: 'campaign.send', details: expect.objectContaining({ devices: 2 }) })
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
