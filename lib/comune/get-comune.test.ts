import { describe, expect, it } from 'vitest'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getComune } from './get-comune'

describe('getComune', () => {
  describe('before the Comune is configured', () => {
    setupTestDatabase()
    it('is null', async () => {
      expect(await getComune()).toBeNull()
    })
  })
})

describe('getComune with the demo Comune', () => {
  setupTestDatabase({ seed: true })
  it('returns its public settings', async () => {
    expect(await getComune()).toMatchObject({
      name: 'Comune di Esempio',
      patronDay: '08-07',
      pec: 'protocollo@pec.comune.esempio.it',
    })
  })
})
