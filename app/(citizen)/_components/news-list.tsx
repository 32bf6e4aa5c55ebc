import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import type { NewsSummary } from '@/lib/content/list-news'
import { romeWallClock } from '@/lib/time/rome-clock'

/** News as cards: title (a link to the article), date, summary. Content is written in Italian, hence lang="it". */
export async function NewsList({
  news,
  headingLevel,
}: {
  news: NewsSummary[]
  headingLevel: 2 | 3
}) {
  const [t, format] = await Promise.all([getTranslations('news'), getFormatter()])
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="grid gap-4 md:grid-cols-3">
      {news.map((item) => (
        <Card as="li" key={item.slug} className="flex flex-col">
          <Heading lang="it" className="text-xl font-bold leading-snug">
            <Link
              href={`/notizie/${item.slug}`}
              className="inline-block py-1.5 text-primary underline hover:text-primary-dark"
            >
              {item.title}
            </Link>
          </Heading>
          <p className="mt-2 text-base text-muted">
            <time dateTime={item.publishedAt.toISOString()}>
              {t('publishedOn', {
                day: String(romeWallClock(item.publishedAt).day),
                date: format.dateTime(item.publishedAt, {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                }),
              })}
            </time>
          </p>
          <p lang="it" className="mt-2">
            {item.summary}
          </p>
        </Card>
      ))}
    </ul>
  )
}
