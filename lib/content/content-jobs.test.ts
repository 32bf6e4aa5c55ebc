import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { notifications } from '@/db/schema/notifications'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import type { StaffActor } from '../auth/actor'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { registerContentJobs } from './content-jobs'
import { createNewsItem } from './create-news-item'
import { getNewsBySlug } from './get-news-by-slug'
import { newsFormSchema } from './schemas'

const database = setupTestDatabase({ seed: true })
let operator: StaffActor
let topicId: number

beforeAll(async () => {
  const { db } = database.current()
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.role, 'operator'))
  operator = {
    kind: 'staff',
    id: row!.id,
    email: row!.email,
    name: row!.name,
    role: row!.role,
    officeId: row!.officeId,
  }
  topicId = (await db.select().from(topics).where(eq(topics.slug, 'eventi')))[0]!.id
  const [citizen] = await db
    .insert(citizens)
    .values({ privacyVersion: '1', privacyAcknowledgedAt: new Date() })
    .returning()
  await db.insert(topicSubscriptions).values({ citizenId: citizen!.id, topicId })
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  await registerContentJobs(boss)
})

afterAll(async () => {
  await stopJobs()
})

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('registerContentJobs', () => {
  it('announces a scheduled item by itself once its time comes, and not before', async () => {
    const at = new Date(Date.now() + 3_000)
    const input = newsFormSchema.parse({
      title: 'Festa in piazza stasera',
      summary: 'Musica dalle 21.',
      body: 'Ingresso libero.',
      topicId: String(topicId),
      publication: 'now',
      notify: true,
    })
    const item = await createNewsItem(
      operator,
      { ...input, publication: { mode: 'scheduled', at } },
      { ip: null },
    )
    const { db } = database.current()
    const sent = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.sourceType, 'news'), eq(notifications.sourceId, item.id)))
        .then((rows) => rows[0])
    expect(await sent()).toBeUndefined()

    const notice = await waitFor(sent, 25_000)
    expect(notice.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime())
    expect(notice).toMatchObject({ kind: 'news', url: `/notizie/${item.slug}`, topicId })
    // When citizens get it, the link works.
    expect((await getNewsBySlug(item.slug))?.title).toBe('Festa in piazza stasera')
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'news.notify')))
    expect(entry).toMatchObject({ actorId: operator.id, details: { recipients: 1 } })
    expect(entry?.actorLabel).toMatch(/\(invio programmato\)$/)
  }, 40_000)
})
