import { describe, expect, it } from 'vitest'
import { isDateKey, romeDateAndTime, romeInstant } from './rome-instant'

describe('romeInstant', () => {
  it('reads winter and summer times with the right offset', () => {
    expect(romeInstant('2026-01-15', '08:30')?.toISOString()).toBe('2026-01-15T07:30:00.000Z')
    expect(romeInstant('2026-07-15', '08:30')?.toISOString()).toBe('2026-07-15T06:30:00.000Z')
  })

  it('is right on both sides of the spring change and refuses the skipped hour', () => {
    expect(romeInstant('2026-03-29', '01:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z')
    expect(romeInstant('2026-03-29', '02:30')).toBeNull()
    expect(romeInstant('2026-03-29', '03:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z')
  })

  it('takes the first of the two 2:30 of the autumn change', () => {
    expect(romeInstant('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(romeInstant('2026-10-25', '03:30')?.toISOString()).toBe('2026-10-25T02:30:00.000Z')
  })

  it('refuses malformed dates and times', () => {
    expect(romeInstant('2026-04-31', '10:00')).toBeNull()
    expect(romeInstant('2026-4-1', '10:00')).toBeNull()
    expect(romeInstant('2026-04-01', '24:00')).toBeNull()
    expect(romeInstant('2026-04-01', '9:00')).toBeNull()
    expect(isDateKey('2028-02-29')).toBe(true)
    expect(isDateKey('2027-02-29')).toBe(false)
  })
})

describe('romeDateAndTime', () => {
  it('round-trips with romeInstant', () => {
    for (const iso of ['2026-01-15T07:30:00Z', '2026-07-15T21:59:00Z', '2026-10-24T22:00:00Z']) {
      const { date, time } = romeDateAndTime(new Date(iso))
      expect(romeInstant(date, time)?.getTime()).toBe(new Date(iso).getTime())
    }
    expect(romeDateAndTime(new Date('2026-12-31T23:15:00Z'))).toEqual({
      date: '2027-01-01',
      time: '00:15',
    })
  })
})
