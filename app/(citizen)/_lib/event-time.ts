import { romeWallClock, formatClockTime } from '@/lib/time/rome-clock'

type Translate = (key: 'at' | 'sameDay' | 'span', values: Record<string, string>) => string
type FormatDate = (date: Date) => string

/** "sabato 28 novembre 2026, dalle 8:00 alle 13:00", with times in Europe/Rome. */
export function describeEventTime(
  event: { startsAt: Date; endsAt: Date | null },
  t: Translate,
  formatDate: FormatDate,
): string {
  const start = romeWallClock(event.startsAt)
  const date = formatDate(event.startsAt)
  const time = formatClockTime(start.minutes)
  if (!event.endsAt) return t('at', { date, time })
  const end = romeWallClock(event.endsAt)
  if (end.date === start.date)
    return t('sameDay', { date, start: time, end: formatClockTime(end.minutes) })
  return t('span', {
    startDate: date,
    start: time,
    endDate: formatDate(event.endsAt),
    end: formatClockTime(end.minutes),
  })
}

export const longDate = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const
