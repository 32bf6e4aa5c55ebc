import { beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE, notify } from './notify'
import { countAudience } from './count-audience'
import { afterAll } from 'vitest'

const database = setupTestDatabase({ seed: true })
let viabilita = 0
const people: string[] = []

beforeAll(async () => {
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  const { db } = database.current()
  const [topic] = await db.select().from(topics).where(eq(topics.slug, 'viabilita'))
  viabilita = topic!.id
  for (let i = 0; i < 5; i++) {
    const [c] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    people.push(c!.id)
  }
  // Three of five follow Viabilità.
  await db.insert(topicSubscriptions).values(people.slice(0, 3).map((citizenId) => ({ citizenId, topicId: viabilita })))
})

afterAll(async () => {
  await stopJobs()
})

describe('notify', () => {
  it('puts the message in the inbox of every subscriber of the topic, and nobody else', async () => {
    const { db } = database.current()
    const result = await db.transaction((tx) =>
      notify(tx, { kind: 'news', title: 'Via Roma chiusa', body: 'Lavori', url: '/notizie/via-roma', audience: { topicId: viabilita } }),
    )
    expect(result.recipients).toBe(3)
    const inbox = await db.select().from(inboxItems).where(eq(inboxItems.notificationId, result.notificationId))
    expect(inbox.map((i) => i.citizenId).sort()).toEqual(people.slice(0, 3).sort())
    expect(await countAudience({ topicId: viabilita })).toEqual({ citizens: 3, devices: 0 })
  })

  it('enqueues the push fan-out in the same transaction: a rollback leaves no message, no inbox entry, no job', async () => {
    const { db } = database.current()
    const countJobs = async () =>
      (await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'notification-fanout'`)) as unknown
    const before = JSON.stringify(await countJobs())
    const notificationsBefore = (await db.select().from(notifications)).length
    await db
      .transaction(async (tx) => {
        await notify(tx, { kind: 'news', title: 'Mai inviata', body: '…', url: '/', audience: { topicId: viabilita } })
        throw new Error('the caller changed its mind')
      })
      .catch(() => {})
    expect((await db.select().from(notifications)).length).toBe(notificationsBefore)
    expect(JSON.stringify(await countJobs())).toBe(before)
  })

  it('to several topics, puts it once in the inbox of each citizen following any of them', async () => {
    const { db } = database.current()
    const [eventi] = await db.select().from(topics).where(eq(topics.slug, 'eventi'))
    // people[2] follows both topics, people[3] Eventi only.
    await db.insert(topicSubscriptions).values([people[2]!, people[3]!].map((citizenId) => ({ citizenId, topicId: eventi!.id })))
    const audience = { topicIds: [viabilita, eventi!.id] }
    expect(await countAudience(audience)).toEqual({ citizens: 4, devices: 0 })
    const result = await db.transaction((tx) => notify(tx, { kind: 'campaign', title: 'Festa', body: 'In piazza', url: '/eventi', audience }))
    expect(result.recipients).toBe(4)
    const inbox = await db.select().from(inboxItems).where(eq(inboxItems.notificationId, result.notificationId))
    expect(inbox.map((i) => i.citizenId).sort()).toEqual(people.slice(0, 4).sort())
  })

  it('reaches one citizen only when addressed to one citizen', async () => {
    const { db } = database.current()
    const result = await db.transaction((tx) =>
      notify(tx, { kind: 'test', title: 'Prova', body: 'Prova', url: '/notifiche', audience: { citizenId: people[4]! } }),
    )
    expect(result.recipients).toBe(1)
    const inbox = await db.select().from(inboxItems).where(eq(inboxItems.notificationId, result.notificationId))
    expect(inbox.map((i) => i.citizenId)).toEqual([people[4]])
  })
})
