/**
 * Wall-clock time in Europe/Rome, computed with Intl so daylight saving is right whatever
 * the time zone of the machine (a server in UTC, a phone abroad). Pure: safe in the browser.
 */

export const ROME_TIME_ZONE = 'Europe/Rome'

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export type RomeWallClock = {
  /** Civil date in Rome, "YYYY-MM-DD". */
  date: string
  year: number
  month: number
  day: number
  weekday: IsoWeekday
  /** Minutes since local midnight, 0 … 1439. */
  minutes: number
}

// Building a DateTimeFormat is slow; one instance serves every call.
let formatter: Intl.DateTimeFormat | undefined

function romeFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: ROME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return formatter
}

export function romeWallClock(instant: Date): RomeWallClock {
  const parts: Record<string, number> = {}
  for (const part of romeFormatter().formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number.parseInt(part.value, 10)
  }
  const year = parts.year ?? 1970
  const month = parts.month ?? 1
  const day = parts.day ?? 1
  // Some engines still print midnight as "24" despite h23.
  const hour = (parts.hour ?? 0) % 24
  const date = toDateKey(year, month, day)
  return {
    date,
    year,
    month,
    day,
    weekday: isoWeekdayOf(date),
    minutes: hour * 60 + (parts.minute ?? 0),
  }
}

export function toDateKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function parseDateKey(date: string): { year: number; month: number; day: number } {
  const [year = 1970, month = 1, day = 1] = date.split('-').map((n) => Number.parseInt(n, 10))
  return { year, month, day }
}

/** Civil-date arithmetic in UTC, where every day has 24 hours. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDateKey(date)
  const shifted = new Date(Date.UTC(year, month - 1, day + days))
  return toDateKey(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())
}

export function isoWeekdayOf(date: string): IsoWeekday {
  const { year, month, day } = parseDateKey(date)
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return (sundayFirst === 0 ? 7 : sundayFirst) as IsoWeekday
}

/** "08:30" → 510; "24:00" is accepted as the end of the day. Null when malformed. */
export function parseClockTime(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim())
  if (!match) return null
  const hours = Number.parseInt(match[1] ?? '', 10)
  const minutes = Number.parseInt(match[2] ?? '', 10)
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null
  return hours * 60 + minutes
}

/** 510 → "8:30": Italian signage writes the hour without a leading zero. */
export function formatClockTime(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  return `${hours}:${String(minutes % 60).padStart(2, '0')}`
}

/** The instant at which `date` ("YYYY-MM-DD") begins in Rome (midnight is never skipped by DST there). */
export function romeMidnight(date: string): Date {
  const { year, month, day } = parseDateKey(date)
  const utcMidnight = Date.UTC(year, month - 1, day)
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000)
    const clock = romeWallClock(candidate)
    if (clock.date === date && clock.minutes === 0) return candidate
  }
  return new Date(utcMidnight - 3_600_000)
}
