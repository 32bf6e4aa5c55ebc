import { describe, expect, it } from 'vitest'
import {
  computeOpeningState,
  formatOpeningState,
  weekdayIntervals,
  type OfficeHours,
  type WeeklyHours,
} from './opening-state-shared'

// The demo URP: mornings, two afternoons, Saturday morning.
const urp: WeeklyHours = {
  '1': [['08:30', '13:00']],
  '2': [
    ['08:30', '13:00'],
    ['15:00', '17:30'],
  ],
  '3': [['08:30', '13:00']],
  '4': [
    ['08:30', '13:00'],
    ['15:00', '17:30'],
  ],
  '5': [['08:30', '13:00']],
  '6': [['09:00', '12:00']],
}
const weekdaysOnly: WeeklyHours = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '13:00']]]),
)

function office(weeklyHours: WeeklyHours, extra: Partial<OfficeHours> = {}): OfficeHours {
  return { weeklyHours, closedDays: [], patronDay: '08-07', ...extra }
}

/** State text at a Rome wall-clock time written with its offset, e.g. "2026-11-24T10:00+01:00". */
function say(hours: OfficeHours, at: string, locale: 'it' | 'en' = 'it'): string {
  return formatOpeningState(computeOpeningState(hours, new Date(at)), locale)
}

describe('an ordinary week (November 2026, UTC+1)', () => {
  it('is open in the morning and says when it closes', () => {
    expect(say(office(urp), '2026-11-23T10:00+01:00')).toBe('Aperto ora, chiude alle 13:00')
    expect(say(office(urp), '2026-11-23T10:00+01:00', 'en')).toBe('Open now, closes at 13:00')
  })

  it('mentions the afternoon reopening on a day with a lunch break', () => {
    const state = computeOpeningState(office(urp), new Date('2026-11-24T10:00+01:00'))
    expect(state).toEqual({ status: 'open', closesAt: 13 * 60, reopensAt: 15 * 60 })
    expect(formatOpeningState(state, 'it')).toBe(
      'Aperto ora, chiude alle 13:00 e riapre alle 15:00',
    )
    expect(formatOpeningState(state, 'en')).toBe('Open now, closes at 13:00 and reopens at 15:00')
  })

  it('in the afternoon interval, says only when it closes', () => {
    expect(say(office(urp), '2026-11-24T16:00+01:00')).toBe('Aperto ora, chiude alle 17:30')
  })

  it('during the lunch break, reopens today', () => {
    expect(say(office(urp), '2026-11-24T13:30+01:00')).toBe('Chiuso, riapre oggi alle 15:00')
    expect(say(office(urp), '2026-11-24T13:30+01:00', 'en')).toBe('Closed, reopens today at 15:00')
  })

  it('before opening, reopens today without a leading zero', () => {
    expect(say(office(urp), '2026-11-23T07:00+01:00')).toBe('Chiuso, riapre oggi alle 8:30')
  })

  it('in the evening, reopens tomorrow', () => {
    expect(say(office(urp), '2026-11-24T18:00+01:00')).toBe('Chiuso, riapre domani alle 8:30')
    expect(say(office(urp), '2026-11-24T18:00+01:00', 'en')).toBe(
      'Closed, reopens tomorrow at 8:30',
    )
  })

  it('opens at the first minute and closes at the last', () => {
    expect(computeOpeningState(office(urp), new Date('2026-11-23T08:30+01:00')).status).toBe('open')
    expect(computeOpeningState(office(urp), new Date('2026-11-23T12:59+01:00')).status).toBe('open')
    expect(say(office(urp), '2026-11-23T13:00+01:00')).toBe('Chiuso, riapre domani alle 8:30')
  })

  it('uses the Rome date after midnight even while UTC is still on the day before', () => {
    // 00:10 on Tuesday in Rome is 23:10 on Monday in UTC.
    expect(say(office(urp), '2026-11-24T00:10+01:00')).toBe('Chiuso, riapre oggi alle 8:30')
    expect(say(office(urp), '2026-11-23T23:30+01:00')).toBe('Chiuso, riapre domani alle 8:30')
  })
})

describe('weekends', () => {
  it('after Saturday morning, reopens on Monday by name', () => {
    expect(say(office(urp), '2026-11-28T12:30+01:00')).toBe('Chiuso, riapre lunedì alle 8:30')
    expect(say(office(urp), '2026-11-28T12:30+01:00', 'en')).toBe('Closed, reopens Monday at 8:30')
  })

  it('on Friday afternoon, a weekday office reopens Monday', () => {
    expect(say(office(weekdaysOnly), '2026-11-27T14:00+01:00')).toBe(
      'Chiuso, riapre lunedì alle 9:00',
    )
  })

  it('on Sunday, reopens tomorrow', () => {
    expect(say(office(weekdaysOnly), '2026-11-29T11:00+01:00')).toBe(
      'Chiuso, riapre domani alle 9:00',
    )
  })

  it('names the weekday for an office open two days a week', () => {
    const twoDays: WeeklyHours = { '2': [['09:00', '12:30']], '4': [['09:00', '12:30']] }
    expect(say(office(twoDays), '2026-11-24T13:00+01:00')).toBe('Chiuso, riapre giovedì alle 9:00')
    expect(say(office(twoDays), '2026-11-26T13:00+01:00')).toBe('Chiuso, riapre martedì alle 9:00')
  })
})

describe('holidays', () => {
  it('stays closed on a national holiday that falls on a working day', () => {
    // Tuesday 8 December 2026, Immacolata.
    expect(say(office(urp), '2026-12-08T10:00+01:00')).toBe('Chiuso, riapre domani alle 8:30')
    expect(say(office(urp), '2026-12-07T18:00+01:00')).toBe('Chiuso, riapre mercoledì alle 8:30')
  })

  it('skips Christmas, St Stephen on a Saturday and the Sunday', () => {
    expect(say(office(urp), '2026-12-24T18:00+01:00')).toBe('Chiuso, riapre lunedì alle 8:30')
  })

  it('skips Easter Sunday and Easter Monday', () => {
    // Saturday 4 April 2026 after closing; Easter is 5 April, Easter Monday 6 April.
    expect(say(office(urp), '2026-04-04T12:30+02:00')).toBe('Chiuso, riapre martedì alle 8:30')
    expect(say(office(urp), '2026-04-06T10:00+02:00')).toBe('Chiuso, riapre domani alle 8:30')
  })

  it('stays closed on the patron day and only then', () => {
    // Friday 7 August 2026 is the demo Comune's patron day.
    expect(say(office(urp), '2026-08-06T18:00+02:00')).toBe('Chiuso, riapre sabato alle 9:00')
    expect(say(office(weekdaysOnly), '2026-08-06T18:00+02:00')).toBe(
      'Chiuso, riapre lunedì alle 9:00',
    )
    expect(say(office(weekdaysOnly, { patronDay: null }), '2026-08-06T18:00+02:00')).toBe(
      'Chiuso, riapre domani alle 9:00',
    )
    expect(say(office(weekdaysOnly, { patronDay: '06-29' }), '2026-08-07T10:00+02:00')).toBe(
      'Aperto ora, chiude alle 13:00',
    )
  })
})

describe('extra closed days', () => {
  it('skips a closed day', () => {
    const hours = office(urp, { closedDays: ['2026-11-24'] })
    expect(say(hours, '2026-11-23T18:00+01:00')).toBe('Chiuso, riapre mercoledì alle 8:30')
    expect(say(hours, '2026-11-24T10:00+01:00')).toBe('Chiuso, riapre domani alle 8:30')
  })

  it('gives the date when the reopening is a week or more away', () => {
    const closedDays = [
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]
    const hours = office(urp, { closedDays })
    expect(say(hours, '2026-11-23T18:00+01:00')).toBe('Chiuso, riapre lunedì 7 dicembre alle 8:30')
    expect(say(hours, '2026-11-23T18:00+01:00', 'en')).toBe(
      'Closed, reopens Monday 7 December at 8:30',
    )
  })

  it('a reopening exactly six days ahead is still named by its weekday', () => {
    const hours = office({ '1': [['09:00', '12:00']] })
    expect(say(hours, '2026-11-24T10:00+01:00')).toBe('Chiuso, riapre lunedì alle 9:00')
    expect(say(hours, '2026-11-23T12:00+01:00')).toBe('Chiuso, riapre lunedì 30 novembre alle 9:00')
  })
})

describe('daylight saving time', () => {
  it('uses summer time from the last Sunday of March', () => {
    // 06:45 UTC is 7:45 on Friday 27 March (UTC+1) but 8:45 on Monday 30 March (UTC+2).
    expect(say(office(urp), '2026-03-27T06:45:00Z')).toBe('Chiuso, riapre oggi alle 8:30')
    expect(say(office(urp), '2026-03-30T06:45:00Z')).toBe('Aperto ora, chiude alle 13:00')
  })

  it('is right on the day the clocks go forward', () => {
    const sundays = office({ '7': [['08:00', '12:00']] })
    // 06:30 UTC on 29 March 2026 is 8:30 in Rome (already UTC+2).
    expect(say(sundays, '2026-03-29T06:30:00Z')).toBe('Aperto ora, chiude alle 12:00')
    expect(say(sundays, '2026-03-29T05:30:00Z')).toBe('Chiuso, riapre oggi alle 8:00')
  })

  it('is right on the day the clocks go back and the day after', () => {
    const sundays = office({ '7': [['08:00', '12:00']] })
    // 06:30 UTC on 25 October 2026 is 7:30 in Rome (back to UTC+1).
    expect(say(sundays, '2026-10-25T06:30:00Z')).toBe('Chiuso, riapre oggi alle 8:00')
    expect(say(sundays, '2026-10-25T07:30:00Z')).toBe('Aperto ora, chiude alle 12:00')
    expect(say(office(urp), '2026-10-26T07:15:00Z')).toBe('Chiuso, riapre oggi alle 8:30')
  })
})

describe('odd or missing hours', () => {
  it('says just "Chiuso" when there are no hours at all', () => {
    expect(computeOpeningState(office({}), new Date('2026-11-23T10:00+01:00'))).toEqual({
      status: 'closed',
      reopens: null,
    })
    expect(say(office({}), '2026-11-23T10:00+01:00')).toBe('Chiuso')
    expect(say(office({}), '2026-11-23T10:00+01:00', 'en')).toBe('Closed')
  })

  it('says just "Chiuso" when every opening day of the coming year is closed', () => {
    const mondays: string[] = []
    for (
      let d = new Date(Date.UTC(2026, 10, 23));
      d.getUTCFullYear() < 2028;
      d = new Date(d.getTime() + 7 * 86_400_000)
    ) {
      mondays.push(d.toISOString().slice(0, 10))
    }
    expect(
      say(office({ '1': [['09:00', '12:00']] }, { closedDays: mondays }), '2026-11-23T13:00+01:00'),
    ).toBe('Chiuso')
  })

  it('ignores malformed intervals and joins overlapping or touching ones', () => {
    expect(
      weekdayIntervals(
        {
          '1': [
            ['11:00', '13:00'],
            ['08:30', '12:00'],
            ['15:00', '14:00'],
            ['nine', '10:00'],
            ['13:00', '13:30'],
            ['16:00', '18:00'],
          ],
        },
        1,
      ),
    ).toEqual([
      { start: 510, end: 810 },
      { start: 960, end: 1080 },
    ])
    expect(
      say(
        office({
          '1': [
            ['08:30', '12:00'],
            ['12:00', '13:00'],
          ],
        }),
        '2026-11-23T11:00+01:00',
      ),
    ).toBe('Aperto ora, chiude alle 13:00')
  })

  it('elides "alle" before one o’clock', () => {
    expect(say(office({ '1': [['01:00', '02:00']] }), '2026-11-23T00:30+01:00')).toBe(
      'Chiuso, riapre oggi all’1:00',
    )
  })
})
