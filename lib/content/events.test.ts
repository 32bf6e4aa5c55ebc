import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { topics } from '@/db/schema/topics'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import { localDiskStorage } from '../storage/local-disk-storage'
import { useStorage } from '../storage/get-storage'
import { createEvent } from './create-event'
import { deleteEvent } from './delete-event'
import { getEventBySlug } from './get-event-by-slug'
import { getEventForStaff } from './get-event-for-staff'
import { listEventsForStaff } from './list-events-for-staff'
import { listUpcomingEvents } from './list-upcoming-events'
import { eventFormSchema, type EventInput } from './schemas'
import { setEventPublication } from './set-event-publication'
import { updateEvent } from './update-event'
import { uploadContentImage } from './upload-content-image'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const database = setupTestDatabase({ seed: true })
const context = { ip: '192.0.2.30' }
const actors: Record<string, StaffActor> = {}
let eventiTopic: number
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
  eventiTopic = (await db.select().from(topics).where(eq(topics.slug, 'eventi')))[0]!.id
  await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
  uploads = await mkdtemp(path.join(tmpdir(), 'filo-event-uploads-'))
  useStorage(localDiskStorage(uploads))
})

afterAll(async () => {
  await stopJobs()
  await rm(uploads, { recursive: true, force: true })
})

function form(overrides: Record<string, unknown> = {}): EventInput {
  return eventFormSchema.parse({
    title: 'Sagra della castagna',
    summary: 'Castagne, vin brulé e musica in piazza.',
    body: 'Stand gastronomici dalle 16.',
    location: 'Piazza della Libertà',
    topicId: String(eventiTopic),
    startDate: '2026-10-24',
    startTime: '16:00',
    endDate: '2026-10-25',
    endTime: '23:30',
    publication: 'draft',
    ...overrides,
  })
}

const issues = (input: Record<string, unknown>) => {
  const result = eventFormSchema.safeParse({
    title: 'T',
    summary: 'S',
    body: 'B',
    location: 'L',
    topicId: '1',
    startDate: '2026-10-24',
    startTime: '16:00',
    publication: 'draft',
    ...input,
  })
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]))
}

describe('the event form', () => {
  it('reads start and end as Rome times across the autumn change', () => {
    const input = form()
    expect(input.startsAt.toISOString()).toBe('2026-10-24T14:00:00.000Z') // CEST, UTC+2
    expect(input.endsAt?.toISOString()).toBe('2026-10-25T22:30:00.000Z') // CET, UTC+1
  })

  it('takes an end time alone as the same day, and wants the end after the start', () => {
    expect(form({ endDate: '', endTime: '18:00' }).endsAt?.toISOString()).toBe(
      '2026-10-24T16:00:00.000Z',
    )
    expect(form({ endDate: '', endTime: '' }).endsAt).toBeNull()
    expect(issues({ endTime: '15:00' }).endTime).toBe('La fine deve venire dopo l’inizio.')
    expect(issues({ endDate: '2026-10-25' }).endTime).toBe(
      'Indica anche l’ora di fine, o lascia vuota la data di fine.',
    )
    expect(issues({ startDate: '' }).startDate).toBe('Scegli il giorno di inizio.')
    expect(issues({ startDate: '2026-03-29', startTime: '02:15' }).startTime).toMatch(/ora legale/)
    expect(issues({ location: '' }).location).toBe('Scrivi dove si svolge.')
  })

  it('wants a description for an image, and a real key', () => {
    expect(issues({ imageKey: `${'a'.repeat(32)}.png` }).imageAlt).toMatch(/^Descrivi l’immagine/)
    expect(issues({ imageKey: '../../etc/passwd', imageAlt: 'x' }).imageKey).toBe(
      'L’immagine non è valida: caricala di nuovo.',
    )
    expect(form().image).toBeNull()
    expect(form({ imageKey: `${'a'.repeat(32)}.png`, imageAlt: ' Il palco ' }).image).toEqual({
      key: `${'a'.repeat(32)}.png`,
      alt: 'Il palco',
    })
  })
})

describe('events', () => {
  it('are for operators and admins only', async () => {
    const [seeded] = await database.current().db.select().from(events).limit(1)
    for (const role of ['office', 'civil_protection']) {
      const actor = actors[role]!
      for (const attempt of [
        createEvent(actor, form(), context),
        updateEvent(actor, { ...form(), id: seeded!.id }, context),
        setEventPublication(
          actor,
          { id: seeded!.id, publication: { mode: 'draft' }, notify: false },
          context,
        ),
        deleteEvent(actor, { id: seeded!.id }, context),
        listEventsForStaff(actor),
        getEventForStaff(actor, seeded!.id),
      ]) {
        await expect(attempt).rejects.toMatchObject({ code: 'forbidden' })
      }
    }
    expect((await getEventBySlug(seeded!.slug))?.title).toBe(seeded!.title)
  })

  it('stay out of the agenda until published, and show up in the next seven days', async () => {
    const start = new Date(Date.now() + 2 * DAY)
    const input = {
      ...form({ title: 'Concerto al chiostro' }),
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR),
    }
    const draft = await createEvent(actors.operator!, input, context)
    expect(draft.slug).toBe('concerto-al-chiostro')
    expect((await listUpcomingEvents()).soon.map((e) => e.slug)).not.toContain(draft.slug)

    const publishAt = new Date(Date.now() + HOUR)
    await updateEvent(
      actors.operator!,
      { ...input, publication: { mode: 'scheduled', at: publishAt }, id: draft.id },
      context,
    )
    expect(await getEventBySlug(draft.slug)).toBeNull()
    const later = new Date(publishAt.getTime() + 1000)
    expect((await listUpcomingEvents({ now: later })).soon.map((e) => e.slug)).toContain(draft.slug)

    await setEventPublication(
      actors.operator!,
      { id: draft.id, publication: { mode: 'now' }, notify: false },
      context,
    )
    expect((await listUpcomingEvents()).soon.map((e) => e.slug)).toContain(draft.slug)
    const staffView = await getEventForStaff(actors.operator!, draft.id)
    expect(staffView).toMatchObject({
      status: 'published',
      location: 'Piazza della Libertà',
      topic: { id: eventiTopic },
    })
  })

  it('get unique addresses, frozen once published', async () => {
    const a = await createEvent(
      actors.operator!,
      form({ title: 'Festa di primavera', publication: 'now' }),
      context,
    )
    const b = await createEvent(actors.operator!, form({ title: 'Festa di primavera' }), context)
    expect([a.slug, b.slug]).toEqual(['festa-di-primavera', 'festa-di-primavera-2'])
    const renamed = await updateEvent(
      actors.operator!,
      { ...form({ title: 'Festa di maggio', publication: 'now' }), id: a.id },
      context,
    )
    expect(renamed.slug).toBe('festa-di-primavera')
  })

  it('are audited and deleted for good', async () => {
    const created = await createEvent(actors.admin!, form({ title: 'Da eliminare' }), context)
    await updateEvent(
      actors.admin!,
      { ...form({ title: 'Da eliminare', location: 'Sala consiliare' }), id: created.id },
      context,
    )
    await deleteEvent(actors.admin!, { id: created.id }, context)
    const { db } = database.current()
    expect(await db.select().from(events).where(eq(events.id, created.id))).toHaveLength(0)
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, created.id))
      .orderBy(auditLog.id)
    expect(entries.map((e) => e.action)).toEqual(['event.create', 'event.update', 'event.delete'])
    expect(entries[1]?.details).toMatchObject({
      changed: ['location'],
      before: { location: 'Piazza della Libertà' },
      after: { location: 'Sala consiliare' },
    })
    const error = await deleteEvent(actors.admin!, { id: created.id }, context).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('not_found')
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.title, 'Da eliminare'))
    expect(count?.n).toBe(0)
  })
})

describe('event images', () => {
  const countEvents = async () =>
    (
      await database
        .current()
        .db.select({ n: sql<number>`count(*)::int` })
        .from(events)
    )[0]?.n

  it('refuses a file that is not an image, and an image never uploaded, changing nothing', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const gif = new TextEncoder().encode('GIF89a......')
    for (const bytes of [html, gif]) {
      await expect(uploadContentImage(actors.operator!, bytes)).rejects.toMatchObject({
        code: 'invalid_input',
      })
    }
    const before = await countEvents()
    const ghost = form({ imageKey: `${'b'.repeat(32)}.png`, imageAlt: 'Una foto' })
    const error = await createEvent(actors.operator!, ghost, context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).fieldErrors).toEqual({
      imageKey: 'L’immagine non si trova più: caricala di nuovo.',
    })
    expect(await countEvents()).toBe(before)
    expect((await readdir(uploads)).filter((f) => !f.startsWith('.'))).toHaveLength(0)
  })

  it('shows the image with its description, and removes the file when it is replaced or the event deleted', async () => {
    const first = await uploadContentImage(actors.operator!, PNG)
    const created = await createEvent(
      actors.operator!,
      form({
        title: 'Concerto con immagine',
        publication: 'now',
        imageKey: first.key,
        imageAlt: 'Il palco in piazza',
      }),
      context,
    )
    expect(await getEventBySlug(created.slug)).toMatchObject({
      imageUrl: `/api/files/${first.key}`,
      imageAlt: 'Il palco in piazza',
    })
    expect(await getEventForStaff(actors.operator!, created.id)).toMatchObject({
      imageKey: first.key,
      imageAlt: 'Il palco in piazza',
    })

    const second = await uploadContentImage(actors.operator!, PNG)
    await updateEvent(
      actors.operator!,
      {
        ...form({
          title: 'Concerto con immagine',
          publication: 'now',
          imageKey: second.key,
          imageAlt: 'Il palco di sera',
        }),
        id: created.id,
      },
      context,
    )
    let files = await readdir(uploads)
    expect(files).not.toContain(first.key)
    expect(files).toContain(second.key)
    expect(await getEventBySlug(created.slug)).toMatchObject({
      imageUrl: `/api/files/${second.key}`,
      imageAlt: 'Il palco di sera',
    })
    const [updateEntry] = await database
      .current()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, created.id), eq(auditLog.action, 'event.update')))
    expect(updateEntry?.details).toMatchObject({ changed: ['imageUrl', 'imageAlt'] })

    // Saving again with the same image keeps its file.
    await updateEvent(
      actors.operator!,
      {
        ...form({
          title: 'Concerto con immagine',
          publication: 'now',
          imageKey: second.key,
          imageAlt: 'Il palco di sera',
        }),
        id: created.id,
      },
      context,
    )
    expect(await readdir(uploads)).toContain(second.key)

    await deleteEvent(actors.operator!, { id: created.id }, context)
    files = await readdir(uploads)
    expect(files).not.toContain(second.key)
    expect(await getEventBySlug(created.slug)).toBeNull()
  })

  it('removes the file when the image is taken off', async () => {
    const image = await uploadContentImage(actors.operator!, PNG)
    const created = await createEvent(
      actors.operator!,
      form({ title: 'Mostra', imageKey: image.key, imageAlt: 'Un quadro' }),
      context,
    )
    await updateEvent(actors.operator!, { ...form({ title: 'Mostra' }), id: created.id }, context)
    expect(await readdir(uploads)).not.toContain(image.key)
    expect(await getEventForStaff(actors.operator!, created.id)).toMatchObject({
      imageUrl: null,
      imageAlt: null,
      imageKey: null,
    })
  })
})
