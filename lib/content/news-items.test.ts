import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { citizens, pushSubscriptions, topicSubscriptions } from '@/db/schema/citizens'
import { newsItems } from '@/db/schema/content'
import { inboxItems, notifications } from '@/db/schema/notifications'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { ensureQueue, getBoss, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { localDiskStorage } from '../storage/local-disk-storage'
import { useStorage } from '../storage/get-storage'
import { sendScheduledNotice } from './content-jobs'
import { createNewsItem } from './create-news-item'
import { deleteNewsItem } from './delete-news-item'
import { getNewsBySlug } from './get-news-by-slug'
import { getNewsForStaff } from './get-news-for-staff'
import { listNews } from './list-news'
import { listNewsForStaff } from './list-news-for-staff'
import { listTopicAudiences } from './list-topic-audiences'
import { NOTICE_QUEUE, type NoticeJob } from './publication'
import { newsFormSchema, type NewsInput } from './schemas'
import { setNewsPublication } from './set-news-publication'
import { updateNewsItem } from './update-news-item'
import { uploadContentImage } from './upload-content-image'
import { errorCode } from '../testing/actors'

const HOUR = 3_600_000
const database = setupTestDatabase({ seed: true })
const context = { ip: '192.0.2.20' }
const actors: Record<string, StaffActor> = {}
const topicIds: Record<string, number> = {}
let uploads: string

/** A 1×1 PNG, as a browser would send it. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)

beforeAll(async () => {
  const { db } = database.current()
  for (const row of await db.select().from(staffUsers)) {
    actors[row.role] = {
      kind: 'staff',
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      officeId: row.officeId,
    }
  }
  for (const row of await db.select().from(topics)) topicIds[row.slug] = row.id
  // Publishing with a notice enqueues jobs through pg-boss on the same database.
  const boss = await startJobs(database.current())
  await ensureQueue(boss, FANOUT_QUEUE)
  uploads = await mkdtemp(path.join(tmpdir(), 'filo-uploads-'))
  useStorage(localDiskStorage(uploads))
})

afterAll(async () => {
  await stopJobs()
  await rm(uploads, { recursive: true, force: true })
})

/** The form as an editor fills it, through the same schema the server action uses. */
function form(overrides: Record<string, unknown> = {}): NewsInput {
  return newsFormSchema.parse({
    title: 'Lavori in piazza Garibaldi',
    summary: 'Da lunedì la piazza è chiusa per due settimane.',
    body: 'Il cantiere rifà la **pavimentazione**.',
    topicId: String(topicIds.viabilita),
    publication: 'draft',
    ...overrides,
  })
}


async function fieldErrorsOf(
  promise: Promise<unknown>,
): Promise<Record<string, string> | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return (error as AppError).fieldErrors
}

const countNews = async () =>
  (
    await database
      .current()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(newsItems)
  )[0]?.n

describe('who may write news', () => {
  it('refuses office and civil-protection staff everything, and changes nothing', async () => {
    const before = await countNews()
    const [seeded] = await database.current().db.select().from(newsItems).limit(1)
    for (const role of ['office', 'civil_protection']) {
      const actor = actors[role]!
      expect(await errorCode(createNewsItem(actor, form(), context))).toBe('forbidden')
      expect(await errorCode(updateNewsItem(actor, { ...form(), id: seeded!.id }, context))).toBe(
        'forbidden',
      )
      expect(
        await errorCode(
          setNewsPublication(
            actor,
            { id: seeded!.id, publication: { mode: 'draft' }, notify: false },
            context,
          ),
        ),
      ).toBe('forbidden')
      expect(await errorCode(deleteNewsItem(actor, { id: seeded!.id }, context))).toBe('forbidden')
      expect(await errorCode(listNewsForStaff(actor))).toBe('forbidden')
      expect(await errorCode(getNewsForStaff(actor, seeded!.id))).toBe('forbidden')
      expect(await errorCode(listTopicAudiences(actor))).toBe('forbidden')
      expect(await errorCode(uploadContentImage(actor, PNG))).toBe('forbidden')
    }
    expect(await countNews()).toBe(before)
    expect((await getNewsBySlug(seeded!.slug))?.title).toBe(seeded!.title)
  })

  it('lets operators and admins create and list', async () => {
    for (const role of ['operator', 'admin']) {
      const created = await createNewsItem(
        actors[role]!,
        form({ title: `Scritta da ${role}` }),
        context,
      )
      expect(created.status).toBe('draft')
      expect((await listNewsForStaff(actors[role]!)).map((n) => n.id)).toContain(created.id)
    }
  })
})

describe('what the form accepts', () => {
  const issues = (input: Record<string, unknown>) => {
    const result = newsFormSchema.safeParse({
      title: 'T',
      summary: 'S',
      body: 'B',
      topicId: '1',
      publication: 'draft',
      ...input,
    })
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]))
  }

  it('limits title, summary and body, in Italian', () => {
    expect(issues({ title: 'x'.repeat(141) }).title).toBe(
      'Il titolo può avere al massimo 140 caratteri.',
    )
    expect(issues({ title: 'x'.repeat(140) }).title).toBeUndefined()
    expect(issues({ summary: 'x'.repeat(301) }).summary).toBe(
      'Il sommario può avere al massimo 300 caratteri.',
    )
    expect(issues({ body: 'x'.repeat(20_001) }).body).toBe(
      'Il testo può avere al massimo 20.000 caratteri.',
    )
    expect(issues({ title: '   ' }).title).toBe('Scrivi il titolo.')
    expect(issues({ topicId: '' }).topicId).toBe('Scegli un argomento.')
  })

  it('wants a description for an image, and a real key', () => {
    expect(issues({ imageKey: `${'a'.repeat(32)}.png` }).imageAlt).toMatch(/^Descrivi l’immagine/)
    expect(issues({ imageKey: '../../etc/passwd', imageAlt: 'x' }).imageKey).toBe(
      'L’immagine non è valida: caricala di nuovo.',
    )
  })

  it('wants a date and time that exist in Rome to schedule, and no notice for a draft', () => {
    expect(issues({ publication: 'scheduled' })).toMatchObject({
      publishDate: 'Scegli il giorno di pubblicazione.',
    })
    expect(
      issues({ publication: 'scheduled', publishDate: '2026-03-29', publishTime: '02:30' })
        .publishTime,
    ).toMatch(/ora legale/)
    expect(issues({ publication: 'draft', notify: true }).notify).toMatch(
      /^Una bozza non avvisa nessuno/,
    )
    const parsed = newsFormSchema.parse({
      title: 'T',
      summary: 'S',
      body: 'B',
      topicId: '1',
      publication: 'scheduled',
      publishDate: '2026-07-01',
      publishTime: '09:00',
    })
    expect(parsed.publication).toEqual({ mode: 'scheduled', at: new Date('2026-07-01T07:00:00Z') })
  })

  it('refuses a retired or unknown topic, a past schedule and an image never uploaded, changing nothing', async () => {
    const { db } = database.current()
    const [retired] = await db
      .insert(topics)
      .values({ slug: 'vecchio', nameIt: 'Vecchio', nameEn: 'Old', retiredAt: new Date() })
      .returning()
    const before = await countNews()
    expect(
      await fieldErrorsOf(
        createNewsItem(actors.operator!, form({ topicId: String(retired!.id) }), context),
      ),
    ).toEqual({
      topicId: 'L’argomento «Vecchio» è stato ritirato: scegline un altro.',
    })
    expect(
      await fieldErrorsOf(createNewsItem(actors.operator!, form({ topicId: '99999' }), context)),
    ).toEqual({
      topicId: 'Questo argomento non esiste: scegline un altro.',
    })
    const past = form({ publication: 'scheduled', publishDate: '2020-01-01', publishTime: '10:00' })
    expect(
      (await fieldErrorsOf(createNewsItem(actors.operator!, past, context)))?.publishDate,
    ).toMatch(/già passato/)
    const ghost = form({ imageKey: `${'b'.repeat(32)}.png`, imageAlt: 'Una foto' })
    expect(await fieldErrorsOf(createNewsItem(actors.operator!, ghost, context))).toEqual({
      imageKey: 'L’immagine non si trova più: caricala di nuovo.',
    })
    expect(await countNews()).toBe(before)
  })
})

describe('publication and what citizens see', () => {
  it('keeps a draft and a scheduled item away from citizens until their time', async () => {
    const draft = await createNewsItem(
      actors.operator!,
      form({ title: 'Bozza riservata' }),
      context,
    )
    expect(await getNewsBySlug(draft.slug)).toBeNull()

    const at = new Date(Date.now() + 2 * HOUR)
    const scheduled = await updateNewsItem(
      actors.operator!,
      {
        ...form({ title: 'Bozza riservata' }),
        publication: { mode: 'scheduled', at },
        id: draft.id,
      },
      context,
    )
    expect(scheduled.status).toBe('scheduled')
    expect(await getNewsBySlug(draft.slug)).toBeNull()
    expect((await listNews()).map((n) => n.slug)).not.toContain(draft.slug)
    expect((await getNewsBySlug(draft.slug, { now: new Date(at.getTime() + 1000) }))?.title).toBe(
      'Bozza riservata',
    )
    expect((await listNews({ now: new Date(at.getTime() + 1000) }))[0]?.slug).toBe(draft.slug)

    const now = await setNewsPublication(
      actors.operator!,
      { id: draft.id, publication: { mode: 'now' }, notify: false },
      context,
    )
    expect(now.status).toBe('published')
    expect((await getNewsBySlug(draft.slug))?.title).toBe('Bozza riservata')

    await setNewsPublication(
      actors.operator!,
      { id: draft.id, publication: { mode: 'draft' }, notify: false },
      context,
    )
    expect(await getNewsBySlug(draft.slug)).toBeNull()

    const actions = (
      await database
        .current()
        .db.select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, draft.id))
        .orderBy(auditLog.id)
    ).map((e) => e.action)
    expect(actions).toEqual(['news.create', 'news.schedule', 'news.publish', 'news.unpublish'])
  })

  it('keeps the date of an item already out when it is saved again', async () => {
    const first = await createNewsItem(
      actors.operator!,
      form({ title: 'Data stabile', publication: 'now' }),
      context,
      { now: new Date(Date.now() - HOUR) },
    )
    const again = await updateNewsItem(
      actors.operator!,
      {
        ...form({ title: 'Data stabile', summary: 'Corretto un refuso.', publication: 'now' }),
        id: first.id,
      },
      context,
    )
    expect(again.publishedAt?.getTime()).toBe(first.publishedAt?.getTime())
  })
})

describe('addresses', () => {
  it('makes unique slugs from the title, without accents', async () => {
    const a = await createNewsItem(
      actors.operator!,
      form({ title: 'Città più verde: l’albero di Natale' }),
      context,
    )
    const b = await createNewsItem(
      actors.operator!,
      form({ title: 'Città più verde: l’albero di Natale' }),
      context,
    )
    expect(a.slug).toBe('citta-piu-verde-l-albero-di-natale')
    expect(b.slug).toBe('citta-piu-verde-l-albero-di-natale-2')
  })

  it('follows the title of a draft, and never changes once the item has been out', async () => {
    const item = await createNewsItem(
      actors.operator!,
      form({ title: 'Titolo provvisorio' }),
      context,
    )
    const renamed = await updateNewsItem(
      actors.operator!,
      { ...form({ title: 'Mercato di Natale' }), id: item.id },
      context,
    )
    expect(renamed.slug).toBe('mercato-di-natale')
    await updateNewsItem(
      actors.operator!,
      { ...form({ title: 'Mercato di Natale', publication: 'now' }), id: item.id },
      context,
    )
    const published = await updateNewsItem(
      actors.operator!,
      { ...form({ title: 'Mercato di Natale 2026', publication: 'now' }), id: item.id },
      context,
    )
    expect(published.slug).toBe('mercato-di-natale')
    // Withdrawn, the old link may still be around: the address stays.
    const withdrawn = await updateNewsItem(
      actors.operator!,
      { ...form({ title: 'Mercato natalizio' }), id: item.id },
      context,
    )
    expect(withdrawn.slug).toBe('mercato-di-natale')
  })
})

describe('images', () => {
  it('keeps an image by its content, whatever it claims to be', async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
    const webp = Uint8Array.from([...Buffer.from('RIFF'), 1, 0, 0, 0, ...Buffer.from('WEBPVP8 ')])
    expect((await uploadContentImage(actors.operator!, PNG)).key).toMatch(/^[0-9a-f]{32}\.png$/)
    expect((await uploadContentImage(actors.operator!, jpeg)).key).toMatch(/\.jpg$/)
    expect((await uploadContentImage(actors.operator!, webp)).key).toMatch(/\.webp$/)
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const gif = new TextEncoder().encode('GIF89a......')
    for (const bytes of [html, gif, new Uint8Array()])
      expect(await errorCode(uploadContentImage(actors.operator!, bytes))).toBe('invalid_input')
    const huge = new Uint8Array(5 * 1024 * 1024 + 1)
    huge.set(PNG)
    await expect(uploadContentImage(actors.operator!, huge)).rejects.toThrow(
      'L’immagine supera i 5 MB: riducila e riprova.',
    )
    expect((await readdir(uploads)).filter((f) => !f.startsWith('.'))).toHaveLength(3)
  })

  it('shows the image on the article, and removes the file when it is replaced or the item deleted', async () => {
    const first = await uploadContentImage(actors.operator!, PNG)
    const item = await createNewsItem(
      actors.operator!,
      form({
        title: 'Con immagine',
        publication: 'now',
        imageKey: first.key,
        imageAlt: 'La piazza',
      }),
      context,
    )
    expect(await getNewsBySlug(item.slug)).toMatchObject({
      imageUrl: `/api/files/${first.key}`,
      imageAlt: 'La piazza',
    })
    const second = await uploadContentImage(actors.operator!, PNG)
    await updateNewsItem(
      actors.operator!,
      {
        ...form({
          title: 'Con immagine',
          publication: 'now',
          imageKey: second.key,
          imageAlt: 'La piazza di sera',
        }),
        id: item.id,
      },
      context,
    )
    const files = await readdir(uploads)
    expect(files).not.toContain(first.key)
    expect(files).toContain(second.key)
    await deleteNewsItem(actors.operator!, { id: item.id }, context)
    expect(await readdir(uploads)).not.toContain(second.key)
    expect(await getNewsBySlug(item.slug)).toBeNull()
    const [entry] = await database
      .current()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'news.delete')))
    expect(entry?.details).toMatchObject({ title: 'Con immagine', slug: item.slug })
  })
})

describe('telling the topic’s subscribers', () => {
  let topicId: number

  beforeAll(async () => {
    const { db } = database.current()
    topicId = topicIds['scadenze-bandi']!
    // Three citizens follow the topic; two devices with push on, one paused.
    const people = await db
      .insert(citizens)
      .values([0, 1, 2].map(() => ({ privacyVersion: '1', privacyAcknowledgedAt: new Date() })))
      .returning({ id: citizens.id })
    await db.insert(topicSubscriptions).values(people.map((p) => ({ citizenId: p.id, topicId })))
    await db.insert(pushSubscriptions).values(
      people.map((p, i) => ({
        citizenId: p.id,
        endpoint: `https://push.example.net/send/${p.id}`,
        origin: 'https://push.example.net',
        p256dh: 'key',
        auth: 'auth',
        enabled: i !== 2,
      })),
    )
  })

  const noticesOf = async (id: string) =>
    database
      .current()
      .db.select()
      .from(notifications)
      .where(and(eq(notifications.sourceType, 'news'), eq(notifications.sourceId, id)))

  it('says how many devices and inboxes a notice will reach', async () => {
    const audiences = await listTopicAudiences(actors.operator!)
    expect(audiences.find((t) => t.id === topicId)).toMatchObject({ citizens: 3, devices: 2 })
    expect(audiences.map((t) => t.name)).not.toContain('Vecchio')
  })

  it('announces an item published now, once, with a link to it', async () => {
    const item = await createNewsItem(
      actors.operator!,
      form({ title: 'Bando mense', topicId: String(topicId), publication: 'now', notify: true }),
      context,
    )
    expect(item.notice).toEqual({ sent: 3 })
    const [notice] = await noticesOf(item.id)
    expect(notice).toMatchObject({
      kind: 'news',
      title: 'Bando mense',
      url: `/notizie/${item.slug}`,
      topicId,
      createdBy: actors.operator!.id,
    })
    const inbox = await database
      .current()
      .db.select()
      .from(inboxItems)
      .where(eq(inboxItems.notificationId, notice!.id))
    expect(inbox).toHaveLength(3)

    const again = await updateNewsItem(
      actors.operator!,
      {
        ...form({
          title: 'Bando mense',
          topicId: String(topicId),
          publication: 'now',
          notify: true,
        }),
        id: item.id,
      },
      context,
    )
    expect(again.notice).toMatchObject({ alreadySent: expect.any(Date) })
    expect(await noticesOf(item.id)).toHaveLength(1)
    expect((await getNewsForStaff(actors.operator!, item.id))?.notice.sent).toMatchObject({
      citizens: 3,
    })
  })

  it('sends nothing when the box is not ticked', async () => {
    const item = await createNewsItem(
      actors.operator!,
      form({ title: 'Senza avviso', topicId: String(topicId), publication: 'now' }),
      context,
    )
    expect(item.notice).toBeNull()
    expect(await noticesOf(item.id)).toHaveLength(0)
  })

  it('waits for a scheduled item’s time, then announces it exactly once', async () => {
    const at = new Date(Date.now() + HOUR)
    const item = await createNewsItem(
      actors.operator!,
      {
        ...form({
          title: 'Bando sport',
          topicId: String(topicId),
          publication: 'now',
          notify: true,
        }),
        publication: { mode: 'scheduled', at },
      },
      context,
    )
    expect(item.notice).toEqual({ scheduledFor: at })
    expect(await noticesOf(item.id)).toHaveLength(0)

    const boss = await getBoss()
    const jobs = await boss.findJobs<NoticeJob>(NOTICE_QUEUE, {
      key: `news:${item.id}`,
      queued: true,
    })
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.startAfter.getTime()).toBe(at.getTime())
    expect((await getNewsForStaff(actors.operator!, item.id))?.notice.queuedFor?.getTime()).toBe(
      at.getTime(),
    )

    await expect(sendScheduledNotice(jobs[0]!.data, new Date(at.getTime() - 1000))).rejects.toThrow(
      /due at/,
    )
    expect(await sendScheduledNotice(jobs[0]!.data, new Date(at.getTime() + 1000))).toBe('sent')
    expect(await sendScheduledNotice(jobs[0]!.data, new Date(at.getTime() + 2000))).toBe(
      'already_sent',
    )
    const sent = await noticesOf(item.id)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.createdBy).toBe(actors.operator!.id)
  })

  it('drops the waiting notice when the box is unticked, the item rescheduled or withdrawn', async () => {
    const boss = await getBoss()
    const at = new Date(Date.now() + HOUR)
    const scheduled = (overrides: Record<string, unknown>, when = at) => ({
      ...form({
        title: 'Bando cultura',
        topicId: String(topicId),
        publication: 'now',
        ...overrides,
      }),
      publication: { mode: 'scheduled' as const, at: when },
    })
    const item = await createNewsItem(actors.operator!, scheduled({ notify: true }), context)
    const queued = () =>
      boss.findJobs<NoticeJob>(NOTICE_QUEUE, { key: `news:${item.id}`, queued: true })
    const [original] = await queued()

    // Rescheduled: the old job is cancelled, and would find nothing to do anyway.
    const later = new Date(at.getTime() + HOUR)
    await updateNewsItem(
      actors.operator!,
      { ...scheduled({ notify: true }, later), id: item.id },
      context,
    )
    const [moved] = await queued()
    expect(moved?.data.publishAt).toBe(later.toISOString())
    expect((await queued()).map((j) => j.id)).not.toContain(original!.id)
    expect(await sendScheduledNotice(original!.data, new Date(later.getTime() + 1000))).toBe(
      'rescheduled',
    )

    // Unticked: nothing waits any more.
    await updateNewsItem(
      actors.operator!,
      { ...scheduled({ notify: false }, later), id: item.id },
      context,
    )
    expect(await queued()).toHaveLength(0)

    // Ticked again, then withdrawn to draft.
    await updateNewsItem(
      actors.operator!,
      { ...scheduled({ notify: true }, later), id: item.id },
      context,
    )
    const [last] = await queued()
    await setNewsPublication(
      actors.operator!,
      { id: item.id, publication: { mode: 'draft' }, notify: false },
      context,
    )
    expect(await queued()).toHaveLength(0)
    expect(await sendScheduledNotice(last!.data, new Date(later.getTime() + 1000))).toBe(
      'withdrawn',
    )
    expect(await noticesOf(item.id)).toHaveLength(0)
  })
})
