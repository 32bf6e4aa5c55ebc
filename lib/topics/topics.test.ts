import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { startJobs, stopJobs } from '../jobs/boss'
import { createNewsItem } from '../content/create-news-item'
import { listTopicAudiences } from '../content/list-topic-audiences'
import { newsFormSchema } from '../content/schemas'
import { createTopic } from './create-topic'
import { getTopicForStaff } from './get-topic-for-staff'
import { listTopicsForStaff } from './list-topics-for-staff'
import { createTopicSchema } from './schemas'
import { setTopicRetired } from './set-topic-retired'
import { updateTopic } from './update-topic'

const database = setupTestDatabase({ seed: true })
const context = { ip: '192.0.2.40' }
const actors: Record<string, StaffActor> = {}

beforeAll(async () => {
  for (const row of await database.current().db.select().from(staffUsers)) {
    actors[row.role] = {
      kind: 'staff',
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      officeId: row.officeId,
    }
  }
  await startJobs(database.current())
})

afterAll(async () => {
  await stopJobs()
})

const newTopic = {
  nameIt: 'Scuola',
  nameEn: 'School',
  descriptionIt: 'Iscrizioni, mense, trasporto scolastico.',
  descriptionEn: 'Enrolment, canteens, school buses.',
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('topics', () => {
  it('are managed by admins only', async () => {
    for (const role of ['operator', 'office', 'civil_protection']) {
      const actor = actors[role]!
      expect((await refusal(listTopicsForStaff(actor))).code).toBe('forbidden')
      expect(
        (await refusal(createTopic(actor, { ...newTopic, nameIt: `Di ${role}` }, context))).code,
      ).toBe('forbidden')
      expect((await refusal(updateTopic(actor, { topicId: 1, ...newTopic }, context))).code).toBe(
        'forbidden',
      )
      expect(
        (await refusal(setTopicRetired(actor, { topicId: 1, retired: true }, context))).code,
      ).toBe('forbidden')
    }
    expect(
      await database.current().db.select().from(topics).where(eq(topics.nameIt, 'Di operator')),
    ).toHaveLength(0)
  })

  it('need names and descriptions in both languages', () => {
    const result = createTopicSchema.safeParse({
      nameIt: 'X',
      nameEn: '',
      descriptionIt: '',
      descriptionEn: 'ok',
    })
    expect(result.success).toBe(false)
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      nameIt: 'Scrivi il nome in italiano.',
      nameEn: 'Scrivi il nome in inglese.',
      descriptionIt: 'Scrivi una breve descrizione in italiano: aiuta i cittadini a scegliere.',
    })
  })

  it('are added at the end of the list with a slug, audited, and offered to editors', async () => {
    const created = await createTopic(actors.admin!, newTopic, context)
    expect(created.slug).toBe('scuola')
    const list = await listTopicsForStaff(actors.admin!)
    expect(list.filter((t) => !t.retiredAt).at(-1)).toMatchObject({
      nameIt: 'Scuola',
      nameEn: 'School',
      subscribers: 0,
      permanent: false,
    })
    expect((await listTopicAudiences(actors.operator!)).map((t) => t.name)).toContain('Scuola')
    const [entry] = await database
      .current()
      .db.select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(created.id)))
    expect(entry).toMatchObject({
      action: 'topic.create',
      targetType: 'topic',
      details: { name: 'Scuola' },
    })
  })

  it('refuse a name already taken, in any case', async () => {
    const error = await refusal(
      createTopic(actors.admin!, { ...newTopic, nameIt: 'SCUOLA', nameEn: 'Schools' }, context),
    )
    expect(error.fieldErrors).toEqual({ nameIt: 'Esiste già un argomento con questo nome.' })
  })

  it('can be renamed; the slug stays', async () => {
    const [row] = await database.current().db.select().from(topics).where(eq(topics.slug, 'scuola'))
    await updateTopic(
      actors.admin!,
      { topicId: row!.id, ...newTopic, nameIt: 'Scuola e nidi', nameEn: 'Schools and nurseries' },
      context,
    )
    expect(await getTopicForStaff(actors.admin!, row!.id)).toMatchObject({
      slug: 'scuola',
      nameIt: 'Scuola e nidi',
      nameEn: 'Schools and nurseries',
    })
  })

  it('once retired, leave the editors’ choices and cannot file new items, but keep their subscribers', async () => {
    const { db } = database.current()
    const [row] = await db.select().from(topics).where(eq(topics.slug, 'scuola'))
    const [citizen] = await db
      .insert(citizens)
      .values({ privacyVersion: '1', privacyAcknowledgedAt: new Date() })
      .returning()
    await db.insert(topicSubscriptions).values({ citizenId: citizen!.id, topicId: row!.id })

    await setTopicRetired(actors.admin!, { topicId: row!.id, retired: true }, context)
    expect((await listTopicAudiences(actors.operator!)).map((t) => t.id)).not.toContain(row!.id)
    const input = newsFormSchema.parse({
      title: 'T',
      summary: 'S',
      body: 'B',
      topicId: String(row!.id),
      publication: 'draft',
    })
    expect((await refusal(createNewsItem(actors.operator!, input, context))).fieldErrors).toEqual({
      topicId: 'L’argomento «Scuola e nidi» è stato ritirato: scegline un altro.',
    })
    const listed = (await listTopicsForStaff(actors.admin!)).find((t) => t.id === row!.id)
    expect(listed).toMatchObject({ subscribers: 1, retiredAt: expect.any(Date) })

    await setTopicRetired(actors.admin!, { topicId: row!.id, retired: false }, context)
    expect(
      (await listTopicAudiences(actors.operator!)).find((t) => t.id === row!.id),
    ).toMatchObject({ citizens: 1 })
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(row!.id)))
        .orderBy(auditLog.id)
    ).map((e) => e.action)
    expect(actions).toEqual(['topic.create', 'topic.update', 'topic.retire', 'topic.restore'])
  })

  it('never retire Protezione civile, which stays recommended', async () => {
    const { db } = database.current()
    const [civil] = await db.select().from(topics).where(eq(topics.slug, 'protezione-civile'))
    const error = await refusal(
      setTopicRetired(actors.admin!, { topicId: civil!.id, retired: true }, context),
    )
    expect(error.code).toBe('forbidden')
    expect(error.message).toBe(
      '«Protezione civile» non si può ritirare: è l’argomento consigliato a tutti per le allerte.',
    )
    const [after] = await db.select().from(topics).where(eq(topics.id, civil!.id))
    expect(after).toMatchObject({ retiredAt: null, recommended: true })
    await updateTopic(
      actors.admin!,
      {
        topicId: civil!.id,
        nameIt: 'Protezione civile e allerte',
        nameEn: 'Civil protection',
        descriptionIt: after!.descriptionIt,
        descriptionEn: after!.descriptionEn,
      },
      context,
    )
    expect(await getTopicForStaff(actors.admin!, civil!.id)).toMatchObject({
      recommended: true,
      permanent: true,
      nameIt: 'Protezione civile e allerte',
    })
  })
})
