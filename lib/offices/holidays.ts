import { addDays, toDateKey } from '@/lib/time/rome-clock'

/**
 * Italian public holidays (Legge 260/1949 and later changes), when public offices close,
 * plus the Comune's patron day. Pure: the browser uses it to keep an office's state right.
 */

export type HolidayKey =
  | 'new-year'
  | 'epiphany'
  | 'easter'
  | 'easter-monday'
  | 'liberation'
  | 'labour'
  | 'republic'
  | 'assumption'
  | 'st-francis'
  | 'all-saints'
  | 'immaculate'
  | 'christmas'
  | 'st-stephen'
  | 'patron'

export type Holiday = { date: string; key: HolidayKey }

const fixed: Array<{ monthDay: string; key: HolidayKey; since?: number }> = [
  { monthDay: '01-01', key: 'new-year' },
  { monthDay: '01-06', key: 'epiphany' },
  { monthDay: '04-25', key: 'liberation' },
  { monthDay: '05-01', key: 'labour' },
  { monthDay: '06-02', key: 'republic' },
  { monthDay: '08-15', key: 'assumption' },
  // Legge 151/2025 made St Francis's day a national holiday again from 2026.
  { monthDay: '10-04', key: 'st-francis', since: 2026 },
  { monthDay: '11-01', key: 'all-saints' },
  { monthDay: '12-08', key: 'immaculate' },
  { monthDay: '12-25', key: 'christmas' },
  { monthDay: '12-26', key: 'st-stephen' },
]

/** Easter Sunday of a Gregorian year (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return toDateKey(year, month, day)
}

/** A patron day "MM-DD" as a date of `year`, or null when malformed or absent that year (29 Feb). */
function patronDate(year: number, patronDay: string | null | undefined): string | null {
  const match = /^(\d{2})-(\d{2})$/.exec(patronDay?.trim() ?? '')
  if (!match) return null
  const month = Number.parseInt(match[1] ?? '', 10)
  const day = Number.parseInt(match[2] ?? '', 10)
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return toDateKey(year, month, day)
}

/** Every holiday of `year`, in date order; the patron day is left out when it falls on another holiday. */
export function listHolidays(year: number, patronDay?: string | null): Holiday[] {
  const easter = easterSunday(year)
  const holidays: Holiday[] = [
    ...fixed
      .filter((h) => h.since === undefined || year >= h.since)
      .map((h) => ({ date: `${String(year).padStart(4, '0')}-${h.monthDay}`, key: h.key })),
    { date: easter, key: 'easter' },
    { date: addDays(easter, 1), key: 'easter-monday' },
  ]
  const patron = patronDate(year, patronDay)
  if (patron && !holidays.some((h) => h.date === patron))
    holidays.push({ date: patron, key: 'patron' })
  return holidays.sort((x, y) => x.date.localeCompare(y.date))
}

// Office states ask about the same few years over and over (every office, every minute).
const cache = new Map<string, Set<string>>()

/** True when `date` ("YYYY-MM-DD") is a national holiday or the patron day. */
export function isHoliday(date: string, patronDay?: string | null): boolean {
  const year = Number.parseInt(date.slice(0, 4), 10)
  const key = `${year}|${patronDay ?? ''}`
  let dates = cache.get(key)
  if (!dates) {
    if (cache.size > 64) cache.clear()
    dates = new Set(listHolidays(year, patronDay).map((h) => h.date))
    cache.set(key, dates)
  }
  return dates.has(date)
}
