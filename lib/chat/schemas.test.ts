import { describe, expect, it } from 'vitest'
import { citizenLabel, findMentionTokens, linkify, mapLink, sendMessageSchema } from './schemas'

describe('chat text', () => {
  it('makes http(s) addresses links and leaves everything else as plain text', () => {
    expect(linkify('Vedi https://comune.esempio.it/orari. Grazie')).toEqual([
      { text: 'Vedi ' },
      { text: 'https://comune.esempio.it/orari', href: 'https://comune.esempio.it/orari' },
      { text: '. Grazie' },
    ])
    expect(linkify('<b>ciao</b> javascript:alert(1)')).toEqual([{ text: '<b>ciao</b> javascript:alert(1)' }])
  })
  it('finds @mentions, and labels citizens without naming them', () => {
    expect(findMentionTokens('Chiedo a @Giulia e @paolo.verdi')).toEqual(['giulia', 'paolo.verdi'])
    const label = citizenLabel('3f9a0000-0000-4000-8000-000000000000')
    expect(label).toMatch(/^Cittadino [0-9A-HJKMNP-TV-Z]{6}$/)
    expect(citizenLabel('3F9A0000-0000-4000-8000-000000000000')).toBe(label)
    expect(mapLink(43.4679, 11.8805)).toContain('mlat=43.467900&mlon=11.880500')
  })
  it('gives citizens whose ids share a prefix different labels, and rarely the same one among many', () => {
    // The two demo citizens: the old label (the first four hex digits) read "Cittadino 0000" for both.
    expect(citizenLabel('00000000-0000-4000-8000-00000000c401')).not.toBe(citizenLabel('00000000-0000-4000-8000-00000000c402'))
    // 2,000 random citizens, far more than a Comune's chat sees in a year: at most a pair or two may meet.
    const labels = new Set(Array.from({ length: 2000 }, () => citizenLabel(crypto.randomUUID())))
    expect(labels.size).toBeGreaterThanOrEqual(1996)
  })
  it('refuses empty texts, positions without coordinates and photos without a file', () => {
    expect(sendMessageSchema.safeParse({ clientId: 'abcdefgh12', kind: 'text', body: '   ' }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ clientId: 'abcdefgh12', kind: 'location', latitude: 43 }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ clientId: 'abcdefgh12', kind: 'image' }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ clientId: 'bad id!', kind: 'text', body: 'x' }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ clientId: 'abcdefgh12', kind: 'location', latitude: 43.4, longitude: 11.8 }).success).toBe(true)
  })
})
