import { describe, expect, it } from 'vitest'
import { addWorkingDays, dueDateFor, isOverdue, isWorkingDay, workingDaysBetween } from './working-days-shared'

describe('working-day calendar (Europe/Rome, Italian holidays)', () => {
  it('skips weekends', () => {
    // Friday 2026-11-20 + 1 working day = Monday 23.
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-16', 5)).toBe('2026-11-23')
  })

  it('skips national holidays, Easter Monday and the patron day', () => {
    // Thursday 24 Dec 2026: 25 (Fri) and 26 (Sat) are holidays, then Sunday: due Monday 28.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28')
    // Easter 2026 is 5 April: Friday 3 April + 1 skips the weekend and Easter Monday 6.
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07')
    // St Francis, 4 October, is a holiday again from 2026 (a Sunday that year); 2 June is Republic Day.
    expect(isWorkingDay('2026-06-02')).toBe(false)
    expect(isWorkingDay('2027-10-04')).toBe(false)
    // The patron day (7 August in the demo Comune) closes the offices too.
    expect(isWorkingDay('2026-08-07', '08-07')).toBe(false)
    expect(addWorkingDays('2026-08-06', 1, '08-07')).toBe('2026-08-10')
  })

  it('a zero-day target received on a closed day falls due on the next working day', () => {
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23')
  })

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5)
    expect(workingDaysBetween('2026-12-23', '2026-12-31')).toBe(5)
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0)
  })

  it('uses the Rome date of the moment a report arrives, across midnight and daylight saving', () => {
    // 23:30 UTC on Friday 20 Nov is already Saturday 21 in Rome: one working day → Tuesday 24.
    expect(dueDateFor(new Date('2026-11-20T23:30:00Z'), 1)).toBe('2026-11-24')
    expect(dueDateFor(new Date('2026-11-20T22:30:00Z'), 1)).toBe('2026-11-23')
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July in Rome.
    expect(dueDateFor(new Date('2026-06-30T22:30:00Z'), 1)).toBe('2026-07-02')
  })

  it('an open report is overdue from the day after its due date; a closed one never is', () => {
    expect(isOverdue('2026-11-23', true, new Date('2026-11-23T20:00:00Z'))).toBe(false)
    expect(isOverdue('2026-11-23', true, new Date('2026-11-23T23:30:00Z'))).toBe(true)
    expect(isOverdue('2026-11-23', false, new Date('2026-12-23T10:00:00Z'))).toBe(false)
  })
})
