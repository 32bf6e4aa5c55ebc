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
import { auditLog } from '@/db/schema/staff'
import { errorCode, staffByEmail } from '../testing/actors'
import { getDigestSettings, updateDigestSettings } from './digest-settings'
import { digestSettingsSchema } from './schemas'

const database = setupTestDatabase({ seed: true })
// Monday 3 March 2031, 8:00 in Rome: far from the demo events.
const monday = new Date('2031-03-03T07:00:00Z')
const day = 24 * 3600_000
let subscriber: string

beforeAll(async () => {
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  await registerDigestJobs(boss)
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

describe('digest settings chosen by staff', () => {
  const context = { ip: '127.0.0.1' }
  const scheduled = async () => (await (await startJobs(database.current())).getSchedules()).find((s) => s.name === DIGEST_QUEUE)

  it('an operator moves it to Friday at 17: the schedule follows, a restart keeps the choice, the log has before and after', async () => {
    const { db } = database.current()
    const operator = await staffByEmail(db, 'urp@comune.esempio.it')
    expect(await getDigestSettings(operator)).toMatchObject({ enabled: true, weekday: 1, hour: 8, description: 'ogni lunedì alle 8:00' })
    const saved = await updateDigestSettings(operator, { enabled: true, weekday: 5, hour: 17 }, context)
    expect(saved).toMatchObject({ enabled: true, cron: '0 17 * * 5', description: 'ogni venerdì alle 17:00' })
    expect(await scheduled()).toMatchObject({ cron: '0 17 * * 5', timezone: 'Europe/Rome' })
    // The next start reads the choice, not FILO_DIGEST_CRON.
    await registerDigestJobs(await startJobs(database.current()))
    expect(await scheduled()).toMatchObject({ cron: '0 17 * * 5' })
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'digest.configure'))
    expect(entry).toMatchObject({ actorId: operator.id })
    expect(entry!.details).toMatchObject({ before: { enabled: true, when: 'ogni lunedì alle 8:00' }, after: { enabled: true, when: 'ogni venerdì alle 17:00' } })
  })

  it('switched off, nothing is scheduled and a run already due sends nothing; switched on, it goes out again', async () => {
    const { db } = database.current()
    const admin = await staffByEmail(db, 'admin@comune.esempio.it')
    await updateDigestSettings(admin, { enabled: false, weekday: 5, hour: 17 }, context)
    expect(await scheduled()).toBeUndefined()
    const nextMonday = new Date(monday.getTime() + 7 * day)
    await db.insert(events).values(event('sagra-2031', 'Sagra del paese', new Date(nextMonday.getTime() + 3 * day)))
    expect(await sendWeeklyDigest(nextMonday)).toEqual({ state: 'skipped', reason: 'disabled' })
    await updateDigestSettings(admin, { enabled: true, weekday: 1, hour: 8 }, context)
    expect(await scheduled()).toMatchObject({ cron: '0 8 * * 1' })
    expect(await sendWeeklyDigest(nextMonday)).toMatchObject({ state: 'sent', events: 1 })
  })

  it('office and civil-protection staff cannot change it; bad days and hours are refused in Italian', async () => {
    const { db } = database.current()
    for (const email of ['lavoripubblici@comune.esempio.it', 'protezionecivile@comune.esempio.it']) {
      const actor = await staffByEmail(db, email)
      expect(await errorCode(updateDigestSettings(actor, { enabled: false, weekday: 2, hour: 3 }, context))).toBe('forbidden')
      expect(await errorCode(getDigestSettings(actor))).toBe('forbidden')
    }
    expect(await scheduled()).toMatchObject({ cron: '0 8 * * 1' })
    const bad = digestSettingsSchema.safeParse({ enabled: true, weekday: '0', hour: '24' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual(['Scegli il giorno della settimana.', 'Scegli un’ora intera, da 0 a 23.'])
    expect(digestSettingsSchema.parse({ enabled: false, weekday: '3', hour: '9' })).toEqual({ enabled: false, weekday: 3, hour: 9 })
  })
})
