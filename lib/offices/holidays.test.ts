import { describe, expect, it } from 'vitest'
import { easterSunday, isHoliday, listHolidays } from './holidays'

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('finds Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })
})

describe('listHolidays', () => {
  it('lists the national holidays, Easter Monday and the patron day in date order', () => {
    expect(listHolidays(2026, '08-07')).toEqual([
      { date: '2026-01-01', key: 'new-year' },
      { date: '2026-01-06', key: 'epiphany' },
      { date: '2026-04-05', key: 'easter' },
      { date: '2026-04-06', key: 'easter-monday' },
      { date: '2026-04-25', key: 'liberation' },
      { date: '2026-05-01', key: 'labour' },
      { date: '2026-06-02', key: 'republic' },
      { date: '2026-08-07', key: 'patron' },
      { date: '2026-08-15', key: 'assumption' },
      { date: '2026-10-04', key: 'st-francis' },
      { date: '2026-11-01', key: 'all-saints' },
      { date: '2026-12-08', key: 'immaculate' },
      { date: '2026-12-25', key: 'christmas' },
      { date: '2026-12-26', key: 'st-stephen' },
    ])
  })

  it('counts 4 October only from 2026, when it became a national holiday again', () => {
    expect(listHolidays(2025).map((h) => h.date)).not.toContain('2025-10-04')
    expect(listHolidays(2027).map((h) => h.date)).toContain('2027-10-04')
  })

  it('keeps both days when Easter Monday falls on Liberation Day', () => {
    const dates = listHolidays(2011).filter((h) => h.date === '2011-04-25')
    expect(dates.map((h) => h.key).sort()).toEqual(['easter-monday', 'liberation'])
  })

  it('has no patron day when none is set or it is malformed', () => {
    for (const patron of [null, undefined, '', '13-40', '8-7', 'agosto']) {
      expect(listHolidays(2026, patron).some((h) => h.key === 'patron')).toBe(false)
    }
  })

  it('does not repeat a patron day that is already a national holiday', () => {
    const holidays = listHolidays(2026, '12-08')
    expect(holidays.filter((h) => h.date === '2026-12-08')).toEqual([
      { date: '2026-12-08', key: 'immaculate' },
    ])
  })

  it('keeps a 29 February patron day for leap years only', () => {
    expect(listHolidays(2028, '02-29').some((h) => h.date === '2028-02-29')).toBe(true)
    expect(listHolidays(2027, '02-29').some((h) => h.key === 'patron')).toBe(false)
  })
})

describe('isHoliday', () => {
  it('recognises computed, fixed and patron holidays', () => {
    expect(isHoliday('2026-04-06')).toBe(true)
    expect(isHoliday('2027-03-29')).toBe(true)
    expect(isHoliday('2026-12-26')).toBe(true)
    expect(isHoliday('2026-08-07', '08-07')).toBe(true)
  })

  it('leaves working days alone', () => {
    expect(isHoliday('2026-04-07')).toBe(false)
    expect(isHoliday('2026-08-07')).toBe(false)
    expect(isHoliday('2026-08-07', '06-29')).toBe(false)
  })
})
