import { ROME_TIME_ZONE } from '@/lib/time/rome-clock'

// One way to write dates across the staff pages ("4 nov 2026", "4 nov 2026, 07:53"): the report
// pages mixed that with "04/11/26" and "25/11/2026", and staff compared them side by side.
const day = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeZone: ROME_TIME_ZONE })

/** An instant's day in Rome, or a calendar day ("2026-11-25"), as "25 nov 2026". */
export function staffDate(value: Date | string): string {
  // A calendar day is taken at noon UTC, which is the same day in Rome in every season.
  return day.format(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value)
}
