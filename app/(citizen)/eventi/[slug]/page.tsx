import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { ButtonLink } from '@/components/ui/button-link'
import { Card } from '@/components/ui/card'
import { Markdown } from '@/components/ui/markdown'
import { getEventBySlug } from '@/lib/content/get-event-by-slug'
import { articleMetadata } from '../../_lib/article-metadata'
import { getCitizenLocale } from '../../_lib/locale'
import { describeEventTime, longDate } from '../../_lib/event-time'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const [event, locale] = await Promise.all([
    getEventBySlug((await params).slug),
    getCitizenLocale(),
  ])
  if (!event) return { title: (await getTranslations('errors'))('notFoundTitle') }
  return articleMetadata({
    path: `/eventi/${event.slug}`,
    title: event.title,
    summary: event.summary,
    publishedAt: event.publishedAt,
    imageUrl: event.imageUrl,
    imageAlt: event.imageAlt,
    locale,
  })
}

export default async function EventPage({ params }: Props) {
  await connection()
  const { slug } = await params
  const [event, t, format] = await Promise.all([
    getEventBySlug(slug),
    getTranslations(),
    getFormatter(),
  ])
  if (!event) notFound()

  return (
    <article>
      <Breadcrumbs
        label={t('common.breadcrumb')}
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/eventi', label: t('nav.events') },
        ]}
        current={event.title}
      />
      <h1 lang="it" className="max-w-prose text-3xl font-bold leading-tight sm:text-4xl">
        {event.title}
      </h1>
      <p lang="it" className="mt-4 max-w-prose text-xl font-semibold leading-snug">
        {event.summary}
      </p>
      <Card className="mt-6 max-w-prose">
        <dl className="space-y-3">
          <div>
            <dt className="font-bold">{t('events.when')}</dt>
            <dd>
              <time dateTime={event.startsAt.toISOString()}>
                {describeEventTime(
                  event,
                  (key, values) => t(`events.${key}`, values),
                  (d) => format.dateTime(d, longDate),
                )}
              </time>
            </dd>
          </div>
          <div>
            <dt className="font-bold">{t('events.where')}</dt>
            <dd lang="it">{event.location}</dd>
          </div>
        </dl>
      </Card>
      {event.imageUrl ? (
        // Uploaded images are served as they are (already checked, cached for a year): a plain img
        // avoids next/image re-encoding them.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={event.imageUrl}
          alt={event.imageAlt ?? ''}
          decoding="async"
          className="mt-6 h-auto w-full max-w-prose rounded-lg"
        />
      ) : null}
      <Markdown lang="it" className="mt-6">
        {event.body}
      </Markdown>
      <ButtonLink href="/eventi" className="mt-10">
        {t('events.all')}
      </ButtonLink>
    </article>
  )
}
