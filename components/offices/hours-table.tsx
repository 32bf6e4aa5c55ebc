import { useTranslations } from 'next-intl'
import type { Locale } from '@/i18n/locales'
import { weekdayIntervals, weekdayName, type WeeklyHours } from '@/lib/offices/opening-state-shared'
import { formatClockTime, type IsoWeekday } from '@/lib/time/rome-clock'

const week: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** An office's regular week: one row per day, "8:30 – 13:00 e 15:00 – 17:30" or "Chiuso". */
export function HoursTable({
  weeklyHours,
  locale,
  caption,
  captionHidden = false,
}: {
  weeklyHours: WeeklyHours
  locale: Locale
  caption: string
  captionHidden?: boolean
}) {
  const t = useTranslations('offices')
  return (
    <table className="w-full max-w-xl border-collapse text-left">
      <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-lg font-bold text-ink'}>
        {caption}
      </caption>
      <thead>
        <tr className="border-b-2 border-line">
          <th scope="col" className="py-2 pr-4 font-semibold text-muted">
            {t('dayColumn')}
          </th>
          <th scope="col" className="py-2 font-semibold text-muted">
            {t('hoursColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {week.map((day) => {
          const intervals = weekdayIntervals(weeklyHours, day)
          return (
            <tr key={day} className="border-b border-line">
              <th scope="row" className="py-2 pr-4 align-top font-semibold">
                {capitalise(weekdayName(day, locale))}
              </th>
              <td className={`py-2 align-top ${intervals.length === 0 ? 'text-muted' : ''}`}>
                {intervals.length === 0
                  ? t('closed')
                  : intervals.map((i, n) => (
                      <span key={i.start}>
                        {n > 0 ? t('intervalsJoin') : null}
                        {/* A narrow phone wraps between intervals, never inside one. */}
                        <span className="whitespace-nowrap">{`${formatClockTime(i.start)} – ${formatClockTime(i.end)}`}</span>
                      </span>
                    ))}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
