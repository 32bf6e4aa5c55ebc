/**
 * From a date and time typed in a form (Rome wall clock) to an instant, and back.
 * Pure (Intl only): the staff editor uses it in the browser, the server to validate.
 */
import { romeWallClock, toDateKey } from './rome-clock'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** True for a real calendar date written "YYYY-MM-DD" (no 31 April). */
export function isDateKey(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  return toDateKey(probe.getUTCFullYear(), probe.getUTCMonth() + 1, probe.getUTCDate()) === value
}

/** True for "HH:MM", 00:00 … 23:59. */
export function isClockTime(value: string): boolean {
  return TIME.test(value)
}

/**
 * The instant at which Rome's clock shows `date` ("2026-03-29") at `time` ("10:30").
 * Null when the input is malformed or the time does not exist that day (the hour skipped
 * when daylight saving starts). When the clock goes back and the time happens twice, the
 * first one (still summer time) is chosen, as people mean "the first 2:30".
 */
export function romeInstant(date: string, time: string): Date | null {
  if (!isDateKey(date) || !isClockTime(time)) return null
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes)
  const wanted = hours * 60 + minutes
  // Rome is UTC+2 in summer and UTC+1 in winter: trying +2 first yields the earlier instant.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000)
    const clock = romeWallClock(candidate)
    if (clock.date === date && clock.minutes === wanted) return candidate
  }
  return null
}

/** What a form shows for an instant: Rome date "YYYY-MM-DD" and time "HH:MM". */
export function romeDateAndTime(instant: Date): { date: string; time: string } {
  const clock = romeWallClock(instant)
  const hours = String(Math.floor(clock.minutes / 60)).padStart(2, '0')
  const minutes = String(clock.minutes % 60).padStart(2, '0')
  return { date: clock.date, time: `${hours}:${minutes}` }
}
