import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { events } from '@/db/schema/content'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { DIGEST_QUEUE, registerDigestJobs, sendWeeklyDigest } from './weekly-digest'

const database = setupTestDatabase({ seed: true })
// Monday 3 March 2031, 8:00 in Rome: far from the demo events.
const monday = new Date('2031-03-03T07:00:00Z')
const day = 24 * 3600_000
let subscriber: string

beforeAll(async () => {
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  await registerDigestJobs(boss, '0 8 * * 1')
  const { db } = database.current()
  const [eventi] = await db.select().from(topics).where(eq(topics.slug, 'eventi'))
  const [citizen] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
  subscriber = citizen!.id
  await db.insert(topicSubscriptions).values({ citizenId: subscriber, topicId: eventi!.id })
})

afterAll(async () => {
  await stopJobs()
})

const event = (slug: string, title: string, startsAt: Date, publishedAt: Date | null = new Date('2031-01-01T00:00:00Z')) => ({
  slug,
  title,
  summary: 'Un evento in città.',
  body: 'Tutti i dettagli.',
  location: 'Piazza della Libertà',
  startsAt,
  publishedAt,
})

describe('weekly events digest', () => {
  it('is scheduled every Monday morning in Rome time', async () => {
    const boss = await startJobs(database.current())
    const schedules = await boss.getSchedules()
    expect(schedules.find((s) => s.name === DIGEST_QUEUE)).toMatchObject({ cron: '0 8 * * 1', timezone: 'Europe/Rome' })
  })

  it('is skipped when no event starts in the next seven days (drafts and later events do not count)', async () => {
    const { db } = database.current()
    await db.insert(events).values([
      event('bozza-2031', 'Bozza non pubblicata', new Date(monday.getTime() + 2 * day), null),
      event('lontano-2031', 'Tra due settimane', new Date(monday.getTime() + 14 * day)),
    ])
    expect(await sendWeeklyDigest(monday)).toEqual({ state: 'skipped', reason: 'no_events' })
    expect(await db.select().from(notifications).where(eq(notifications.kind, 'digest'))).toHaveLength(0)
  })

  it('sends the week’s events to subscribers of Eventi, once', async () => {
    const { db } = database.current()
    await db.insert(events).values([
      event('concerto-2031', 'Concerto in piazza', new Date(monday.getTime() + 4 * day + 12 * 3600_000)),
      event('mercato-2031', 'Mercato contadino', new Date(monday.getTime() + 2 * day)),
    ])
    const result = await sendWeeklyDigest(monday)
    expect(result).toMatchObject({ state: 'sent', events: 2 })
    const [n] = await db.select().from(notifications).where(eq(notifications.kind, 'digest'))
    expect(n).toMatchObject({ title: '2 eventi nei prossimi 7 giorni', url: '/eventi', sourceId: '2031-03-03' })
    expect(n!.body).toBe('mer 5 mar · Mercato contadino\nven 7 mar · Concerto in piazza')
    const inbox = await db.select().from(inboxItems).where(and(eq(inboxItems.notificationId, n!.id), eq(inboxItems.citizenId, subscriber)))
    expect(inbox).toHaveLength(1)
    expect(await sendWeeklyDigest(new Date(monday.getTime() + 60_000))).toEqual({ state: 'skipped', reason: 'already_sent' })
  })
})
