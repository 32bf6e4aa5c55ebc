import { getFormatter, getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/locales'
import { formatDayMonth } from '@/lib/offices/opening-state-shared'
import { romeWallClock } from '@/lib/time/rome-clock'

/** "Gli uffici sono chiusi nei giorni festivi e il 7 agosto, festa del santo patrono." */
export async function HolidaysNote({
  patronDay,
  locale,
}: {
  patronDay: string | null
  locale: Locale
}) {
  const t = await getTranslations('offices')
  const valid = patronDay !== null && /^\d{2}-\d{2}$/.test(patronDay)
  return (
    <p className="mt-3 text-base text-muted">
      {valid ? t('holidaysWithPatron', { day: formatDayMonth(patronDay, locale) }) : t('holidays')}
    </p>
  )
}

/** The office's coming extra closures ("Chiusure straordinarie"), if any. */
export async function UpcomingClosures({
  closedDays,
  now,
  headingLevel,
}: {
  closedDays: string[]
  now: Date
  headingLevel: 2 | 3
}) {
  const today = romeWallClock(now).date
  const upcoming = closedDays
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= today)
    .sort()
    .slice(0, 10)
  if (upcoming.length === 0) return null
  const [t, format] = await Promise.all([getTranslations('offices'), getFormatter()])
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div className="mt-4 rounded-md border-l-4 border-warning bg-warning-light p-3">
      <Heading className="font-bold text-warning">{t('closedDaysTitle')}</Heading>
      <ul className="mt-1 list-disc pl-6">
        {upcoming.map((day) => (
          <li key={day}>
            {/* Noon UTC falls on the same calendar day in Rome. */}
            <time dateTime={day}>
              {format.dateTime(new Date(`${day}T12:00:00Z`), {
                weekday: 'long',
                day: 'numeric',
                month: 'long',
                year: 'numeric',
              })}
            </time>
          </li>
        ))}
      </ul>
    </div>
  )
}
