import { describe, expect, it, beforeAll } from 'vitest'
import { newsItems } from '@/db/schema/content'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { listNews } from './list-news'
import { getNewsBySlug } from './get-news-by-slug'

const DAY = 86_400_000
const database = setupTestDatabase({ seed: true })
const now = new Date()

beforeAll(async () => {
  await database
    .current()
    .db.insert(newsItems)
    .values([
      {
        slug: 'bozza',
        title: 'Bozza',
        summary: 'Non ancora pubblicata',
        body: 'x',
        publishedAt: null,
      },
      {
        slug: 'programmata',
        title: 'Programmata',
        summary: 'Esce domani',
        body: 'x',
        publishedAt: new Date(now.getTime() + DAY),
      },
    ])
})

describe('listNews', () => {
  it('lists published news only, newest first', async () => {
    const news = await listNews({ now })
    expect(news.map((n) => n.slug)).toEqual([
      'lavori-via-roma',
      'nuovi-orari-anagrafe',
      'bando-contributi-affitto',
    ])
    expect(news[0]).toEqual({
      slug: 'lavori-via-roma',
      title: 'Via Roma chiusa al traffico per lavori alla rete idrica',
      summary: expect.any(String),
      publishedAt: expect.any(Date),
    })
  })

  it('honours the limit', async () => {
    expect((await listNews({ now, limit: 2 })).map((n) => n.slug)).toEqual([
      'lavori-via-roma',
      'nuovi-orari-anagrafe',
    ])
  })

  it('shows a scheduled item once its time has come', async () => {
    const later = new Date(now.getTime() + 2 * DAY)
    expect((await listNews({ now: later }))[0]?.slug).toBe('programmata')
  })
})

describe('getNewsBySlug', () => {
  it('returns a published item with its body', async () => {
    const item = await getNewsBySlug('nuovi-orari-anagrafe', { now })
    expect(item?.title).toBe('Anagrafe: aperta anche il martedì e il giovedì pomeriggio')
    expect(item?.body).toContain('**Servizi demografici**')
  })

  it('hides drafts, scheduled items and unknown slugs', async () => {
    expect(await getNewsBySlug('bozza', { now })).toBeNull()
    expect(await getNewsBySlug('programmata', { now })).toBeNull()
    expect(await getNewsBySlug('non-esiste', { now })).toBeNull()
    expect(
      (await getNewsBySlug('programmata', { now: new Date(now.getTime() + 2 * DAY) }))?.slug,
    ).toBe('programmata')
  })
})
