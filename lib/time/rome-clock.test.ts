import { describe, expect, it } from 'vitest'
import {
  addDays,
  formatClockTime,
  isoWeekdayOf,
  parseClockTime,
  romeMidnight,
  romeWallClock,
} from './rome-clock'

describe('romeWallClock', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(romeWallClock(new Date('2026-01-15T07:30:00Z'))).toMatchObject({
      date: '2026-01-15',
      minutes: 8 * 60 + 30,
      weekday: 4,
    })
    expect(romeWallClock(new Date('2026-07-15T07:30:00Z'))).toMatchObject({
      date: '2026-07-15',
      minutes: 9 * 60 + 30,
      weekday: 3,
    })
  })

  it('follows the spring change (29 March 2026, 2:00 → 3:00)', () => {
    expect(romeWallClock(new Date('2026-03-29T00:59:00Z')).minutes).toBe(1 * 60 + 59)
    expect(romeWallClock(new Date('2026-03-29T01:00:00Z')).minutes).toBe(3 * 60)
  })

  it('follows the autumn change (25 October 2026, 3:00 → 2:00)', () => {
    expect(romeWallClock(new Date('2026-10-25T00:30:00Z')).minutes).toBe(2 * 60 + 30)
    expect(romeWallClock(new Date('2026-10-25T01:30:00Z')).minutes).toBe(2 * 60 + 30)
    expect(romeWallClock(new Date('2026-10-25T02:30:00Z')).minutes).toBe(3 * 60 + 30)
  })

  it('turns the date at Rome midnight, not at UTC midnight', () => {
    expect(romeWallClock(new Date('2026-11-23T23:10:00Z'))).toMatchObject({
      date: '2026-11-24',
      minutes: 10,
      weekday: 2,
    })
    expect(romeWallClock(new Date('2026-12-31T23:00:00Z'))).toMatchObject({
      date: '2027-01-01',
      minutes: 0,
      weekday: 5,
    })
  })
})

describe('civil dates and clock times', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('numbers weekdays from Monday', () => {
    expect(isoWeekdayOf('2026-11-23')).toBe(1)
    expect(isoWeekdayOf('2026-11-29')).toBe(7)
  })

  it('parses and prints clock times the Italian way', () => {
    expect(parseClockTime('08:30')).toBe(510)
    expect(parseClockTime('8:30')).toBe(510)
    expect(parseClockTime('24:00')).toBe(1440)
    expect(parseClockTime('24:30')).toBeNull()
    expect(parseClockTime('12:60')).toBeNull()
    expect(parseClockTime('noon')).toBeNull()
    expect(formatClockTime(510)).toBe('8:30')
    expect(formatClockTime(13 * 60)).toBe('13:00')
  })
})

describe('romeMidnight', () => {
  it('is 23:00 UTC in winter and 22:00 UTC in summer, the day before', () => {
    expect(romeMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z')
    expect(romeMidnight('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z')
    expect(romeMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(romeMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect(romeMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z')
  })
})
