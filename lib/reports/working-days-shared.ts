/**
 * Working days in Europe/Rome: Monday to Friday, except Italian public holidays and the
 * Comune's patron day. Service-level targets of reports are counted in these. Pure.
 */
import { isHoliday } from '../offices/holidays'
import { addDays, isoWeekdayOf, romeWallClock } from '../time/rome-clock'

export function isWorkingDay(date: string, patronDay?: string | null): boolean {
  return isoWeekdayOf(date) <= 5 && !isHoliday(date, patronDay)
}

/**
 * The date `days` working days after `date` ("YYYY-MM-DD"): a report received on Friday with
 * a one-day target is due on Monday; received on a holiday, counting starts the next working day.
 */
export function addWorkingDays(date: string, days: number, patronDay?: string | null): string {
  let current = date
  // Received on a closed day: it counts as received on the next working day.
  while (!isWorkingDay(current, patronDay)) current = addDays(current, 1)
  let left = Math.max(0, Math.floor(days))
  while (left > 0) {
    current = addDays(current, 1)
    if (isWorkingDay(current, patronDay)) left--
  }
  return current
}

/** Working days after `from` up to and including `to`; 0 when `to` is not later. */
export function workingDaysBetween(from: string, to: string, patronDay?: string | null): number {
  let count = 0
  let current = from
  // Bounded: reports live for months, not centuries.
  for (let i = 0; i < 3700 && current < to; i++) {
    current = addDays(current, 1)
    if (isWorkingDay(current, patronDay)) count++
  }
  return count
}

/** The date a report received at `receivedAt` is due, given its category's target. */
export function dueDateFor(receivedAt: Date, targetWorkingDays: number, patronDay?: string | null): string {
  return addWorkingDays(romeWallClock(receivedAt).date, targetWorkingDays, patronDay)
}

/** An open report is overdue from the day after its due date (Rome). */
export function isOverdue(dueDate: string, open: boolean, now: Date): boolean {
  return open && romeWallClock(now).date > dueDate
}
