import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import type { EventSummary } from '@/lib/content/list-upcoming-events'
import { describeEventTime, longDate } from '../_lib/event-time'

/** Events as cards: title (a link), when, where. Content is written in Italian, hence lang="it". */
export async function EventList({
  events,
  headingLevel,
}: {
  events: EventSummary[]
  headingLevel: 2 | 3
}) {
  const [t, format] = await Promise.all([getTranslations('events'), getFormatter()])
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="grid gap-4 md:grid-cols-3">
      {events.map((event) => (
        <Card as="li" key={event.slug} className="flex flex-col">
          <Heading lang="it" className="text-xl font-bold leading-snug">
            <Link
              href={`/eventi/${event.slug}`}
              className="inline-block py-1.5 text-primary underline hover:text-primary-dark"
            >
              {event.title}
            </Link>
          </Heading>
          <dl className="mt-2 space-y-1">
            <div>
              <dt className="sr-only">{t('when')}</dt>
              <dd className="font-semibold">
                <time dateTime={event.startsAt.toISOString()}>
                  {describeEventTime(
                    event,
                    (key, values) => t(key, values),
                    (d) => format.dateTime(d, longDate),
                  )}
                </time>
              </dd>
            </div>
            <div>
              <dt className="sr-only">{t('where')}</dt>
              <dd lang="it" className="text-muted">
                {event.location}
              </dd>
            </div>
          </dl>
        </Card>
      ))}
    </ul>
  )
}
