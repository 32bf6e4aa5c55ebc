import { beforeAll, describe, expect, it } from 'vitest'
import { events } from '@/db/schema/content'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { addDays, romeMidnight, romeWallClock } from '@/lib/time/rome-clock'
import { getEventBySlug } from './get-event-by-slug'
import { listUpcomingEvents } from './list-upcoming-events'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const database = setupTestDatabase({ seed: true })
// Rome noon after the seed ran (which publishes its events at that moment): far from
// midnight, so "today" means the same day whatever time the suite runs at.
const today = romeWallClock(new Date()).date
const todayNoon = new Date(romeMidnight(today).getTime() + 12 * HOUR)
const now = todayNoon.getTime() > Date.now() + 60_000 ? todayNoon : new Date(romeMidnight(addDays(today, 1)).getTime() + 12 * HOUR)
const startOfToday = romeMidnight(romeWallClock(now).date)

beforeAll(async () => {
  const base = { summary: 's', body: 'b', location: 'Piazza' }
  await database
    .current()
    .db.insert(events)
    .values([
      {
        ...base,
        slug: 'in-corso',
        title: 'In corso',
        startsAt: new Date(now.getTime() - HOUR),
        endsAt: new Date(now.getTime() + HOUR),
        publishedAt: new Date(now.getTime() - DAY),
      },
      {
        ...base,
        slug: 'finito',
        title: 'Finito',
        startsAt: new Date(now.getTime() - 3 * HOUR),
        endsAt: new Date(now.getTime() - HOUR),
        publishedAt: new Date(now.getTime() - DAY),
      },
      {
        ...base,
        slug: 'oggi-senza-fine',
        title: 'Oggi senza fine',
        startsAt: startOfToday,
        publishedAt: new Date(now.getTime() - DAY),
      },
      {
        ...base,
        slug: 'ieri-senza-fine',
        title: 'Ieri senza fine',
        startsAt: new Date(startOfToday.getTime() - HOUR),
        publishedAt: new Date(now.getTime() - DAY),
      },
      {
        ...base,
        slug: 'bozza',
        title: 'Bozza',
        startsAt: new Date(now.getTime() + DAY),
        publishedAt: null,
      },
      {
        ...base,
        slug: 'programmato',
        title: 'Programmato',
        startsAt: new Date(now.getTime() + DAY),
        publishedAt: new Date(now.getTime() + HOUR),
      },
      {
        ...base,
        slug: 'tra-un-mese',
        title: 'Tra un mese',
        startsAt: new Date(now.getTime() + 30 * DAY),
        publishedAt: new Date(now.getTime() - DAY),
      },
    ])
})

describe('listUpcomingEvents', () => {
  it('puts the next seven days first, then later ones, each soonest first', async () => {
    const { soon, later } = await listUpcomingEvents({ now })
    expect(soon.map((e) => e.slug)).toEqual([
      'oggi-senza-fine',
      'in-corso',
      'mercato-contadino',
      'incontro-piano-protezione-civile',
    ])
    expect(later.map((e) => e.slug)).toEqual(['concerto-banda', 'tra-un-mese'])
  })

  it('leaves out finished events, drafts and events not yet published', async () => {
    const { soon, later } = await listUpcomingEvents({ now })
    const slugs = [...soon, ...later].map((e) => e.slug)
    for (const hidden of ['finito', 'ieri-senza-fine', 'bozza', 'programmato'])
      expect(slugs).not.toContain(hidden)
  })

  it('limits the total, keeping the soonest', async () => {
    const { soon, later } = await listUpcomingEvents({ now, limit: 3 })
    expect(soon.map((e) => e.slug)).toEqual(['oggi-senza-fine', 'in-corso', 'mercato-contadino'])
    expect(later).toEqual([])
  })
})

describe('getEventBySlug', () => {
  it('returns published events, past ones included', async () => {
    expect((await getEventBySlug('concerto-banda', { now }))?.location).toBe(
      'Chiostro del Palazzo comunale',
    )
    expect((await getEventBySlug('finito', { now }))?.title).toBe('Finito')
  })

  it('hides drafts, scheduled events and unknown slugs', async () => {
    expect(await getEventBySlug('bozza', { now })).toBeNull()
    expect(await getEventBySlug('programmato', { now })).toBeNull()
    expect(await getEventBySlug('non-esiste', { now })).toBeNull()
  })
})
