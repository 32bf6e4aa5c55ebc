import type { Locale } from '@/i18n/locales'
import {
  addDays,
  formatClockTime,
  isoWeekdayOf,
  parseClockTime,
  romeWallClock,
  type IsoWeekday,
} from '@/lib/time/rome-clock'
import { isHoliday } from './holidays'

/**
 * Whether an office is open at an instant, and when it closes or reopens, in Europe/Rome.
 * Pure and deterministic (names come from tables here, not from the engine's ICU data), so
 * the server's first paint and the browser's recomputation print exactly the same words.
 * Browser-safe ("-shared"): it imports nothing but other browser-safe modules.
 */

/**
 * A weekday's opening intervals, "HH:MM" in Europe/Rome; keys are ISO weekdays 1 (Mon) to 7
 * (Sun). The same shape as the offices.weekly_hours column, declared here because browser
 * code may not import db/.
 */
export type WeeklyHours = Partial<
  Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>
>

/** What the state of an office depends on; plain data, so it can travel to the browser. */
export type OfficeHours = {
  weeklyHours: WeeklyHours
  /** Extra closed days, "YYYY-MM-DD". */
  closedDays: readonly string[]
  /** The Comune's patron day, "MM-DD". */
  patronDay: string | null
}

export type Interval = { start: number; end: number }

export type Reopening = {
  date: string
  weekday: IsoWeekday
  /** Opening time in minutes since midnight. */
  opensAt: number
  /** today; tomorrow; within the next six days (a weekday name is enough); further away. */
  when: 'today' | 'tomorrow' | 'this-week' | 'later'
}

export type OpeningState =
  | {
      status: 'open'
      closesAt: number
      /** The next opening later the same day, after a lunch break. */
      reopensAt: number | null
    }
  | {
      status: 'closed'
      /** Null when the office has no opening hours in the coming year. */
      reopens: Reopening | null
    }

/** How far ahead to look for a reopening: a year and a bit covers any list of closed days. */
const HORIZON_DAYS = 400

const weekdayKeys = ['1', '2', '3', '4', '5', '6', '7'] as const

/** A weekday's valid intervals, sorted, with overlapping or touching ones joined. */
export function weekdayIntervals(weeklyHours: WeeklyHours, weekday: IsoWeekday): Interval[] {
  const raw = weeklyHours[weekdayKeys[weekday - 1] ?? '1'] ?? []
  const intervals: Interval[] = []
  for (const pair of raw) {
    if (!Array.isArray(pair)) continue
    const start = parseClockTime(String(pair[0] ?? ''))
    const end = parseClockTime(String(pair[1] ?? ''))
    if (start === null || end === null || end <= start) continue
    intervals.push({ start, end })
  }
  intervals.sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const interval of intervals) {
    const last = merged[merged.length - 1]
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end)
    else merged.push({ ...interval })
  }
  return merged
}

export function isClosedDay(hours: OfficeHours, date: string): boolean {
  return hours.closedDays.includes(date) || isHoliday(date, hours.patronDay)
}

/** The intervals an office is actually open on a date: none on holidays and closed days. */
export function intervalsOn(hours: OfficeHours, date: string): Interval[] {
  if (isClosedDay(hours, date)) return []
  return weekdayIntervals(hours.weeklyHours, isoWeekdayOf(date))
}

export function computeOpeningState(hours: OfficeHours, at: Date): OpeningState {
  const now = romeWallClock(at)
  const today = intervalsOn(hours, now.date)
  const index = today.findIndex((i) => i.start <= now.minutes && now.minutes < i.end)
  const current = today[index]
  if (current) {
    return { status: 'open', closesAt: current.end, reopensAt: today[index + 1]?.start ?? null }
  }

  const hasAnyHours = weekdayKeys.some(
    (_, i) => weekdayIntervals(hours.weeklyHours, (i + 1) as IsoWeekday).length > 0,
  )
  if (!hasAnyHours) return { status: 'closed', reopens: null }

  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const date = offset === 0 ? now.date : addDays(now.date, offset)
    const intervals = offset === 0 ? today : intervalsOn(hours, date)
    const next = offset === 0 ? intervals.find((i) => i.start > now.minutes) : intervals[0]
    if (next) {
      return {
        status: 'closed',
        reopens: {
          date,
          weekday: isoWeekdayOf(date),
          opensAt: next.start,
          when:
            offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : offset < 7 ? 'this-week' : 'later',
        },
      }
    }
  }
  return { status: 'closed', reopens: null }
}

const weekdayNames: Record<Locale, readonly string[]> = {
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
}

const monthNames: Record<Locale, readonly string[]> = {
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

/** "lunedì" / "Monday". */
export function weekdayName(weekday: IsoWeekday, locale: Locale): string {
  return weekdayNames[locale][weekday - 1] ?? ''
}

/** "MM-DD" or "YYYY-MM-DD" → "7 agosto" / "7 August". */
export function formatDayMonth(date: string, locale: Locale): string {
  const [month, day] = date
    .split('-')
    .slice(-2)
    .map((n) => Number.parseInt(n, 10))
  return `${day ?? ''} ${monthNames[locale][(month ?? 1) - 1] ?? ''}`
}

/** "alle 8:30", but "all’1:00" as Italian elides before a vowel. */
function atTime(minutes: number, locale: Locale): string {
  const time = formatClockTime(minutes)
  if (locale === 'en') return `at ${time}`
  return Math.floor(minutes / 60) === 1 ? `all’${time}` : `alle ${time}`
}

/** "Aperto ora, chiude alle 13:00" / "Chiuso, riapre lunedì alle 8:30" and their English equivalents. */
export function formatOpeningState(state: OpeningState, locale: Locale): string {
  const it = locale === 'it'
  if (state.status === 'open') {
    const closes = it
      ? `Aperto ora, chiude ${atTime(state.closesAt, locale)}`
      : `Open now, closes ${atTime(state.closesAt, locale)}`
    if (state.reopensAt === null) return closes
    return it
      ? `${closes} e riapre ${atTime(state.reopensAt, locale)}`
      : `${closes} and reopens ${atTime(state.reopensAt, locale)}`
  }
  const { reopens } = state
  if (!reopens) return it ? 'Chiuso' : 'Closed'
  const day =
    reopens.when === 'today'
      ? it
        ? 'oggi'
        : 'today'
      : reopens.when === 'tomorrow'
        ? it
          ? 'domani'
          : 'tomorrow'
        : reopens.when === 'this-week'
          ? weekdayName(reopens.weekday, locale)
          : `${weekdayName(reopens.weekday, locale)} ${formatDayMonth(reopens.date, locale)}`
  return it
    ? `Chiuso, riapre ${day} ${atTime(reopens.opensAt, locale)}`
    : `Closed, reopens ${day} ${atTime(reopens.opensAt, locale)}`
}
