import { beforeAll, describe, expect, it } from 'vitest'
import { offices } from '@/db/schema/comune'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getOfficeBySlug } from './get-office-by-slug'
import { listOffices } from './list-offices'

const database = setupTestDatabase({ seed: true })

beforeAll(async () => {
  await database
    .current()
    .db.insert(offices)
    .values({
      slug: 'ufficio-chiuso',
      name: 'Ufficio soppresso',
      address: 'Via Vecchia 1',
      weeklyHours: {},
      active: false,
      sortOrder: -1,
    })
})

describe('listOffices', () => {
  it('lists active offices in the chosen order, with their hours', async () => {
    const list = await listOffices()
    expect(list.map((o) => o.slug)).toEqual([
      'urp',
      'comunicazione',
      'lavori-pubblici',
      'ambiente',
      'polizia-locale',
      'protezione-civile',
      'servizi-demografici',
    ])
    expect(list[0]?.weeklyHours['6']).toEqual([['09:00', '12:00']])
    expect(list[0]?.closedDays).toEqual([])
  })
})

describe('getOfficeBySlug', () => {
  it('finds an active office and hides inactive or unknown ones', async () => {
    expect((await getOfficeBySlug('urp'))?.phone).toBe('+39 0575 123401')
    expect(await getOfficeBySlug('ufficio-chiuso')).toBeNull()
    expect(await getOfficeBySlug('non-esiste')).toBeNull()
  })
})
