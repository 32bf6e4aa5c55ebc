import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { ButtonLink } from '@/components/ui/button-link'
import { Markdown } from '@/components/ui/markdown'
import { getNewsBySlug } from '@/lib/content/get-news-by-slug'
import { romeWallClock } from '@/lib/time/rome-clock'
import { articleMetadata } from '../../_lib/article-metadata'
import { getCitizenLocale } from '../../_lib/locale'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const [item, locale] = await Promise.all([getNewsBySlug((await params).slug), getCitizenLocale()])
  if (!item) return { title: (await getTranslations('errors'))('notFoundTitle') }
  return articleMetadata({
    path: `/notizie/${item.slug}`,
    title: item.title,
    summary: item.summary,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    imageUrl: item.imageUrl,
    imageAlt: item.imageAlt,
    locale,
  })
}

export default async function NewsArticlePage({ params }: Props) {
  await connection()
  const { slug } = await params
  const [item, t, format] = await Promise.all([
    getNewsBySlug(slug),
    getTranslations(),
    getFormatter(),
  ])
  if (!item) notFound()

  return (
    <article>
      <Breadcrumbs
        label={t('common.breadcrumb')}
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/notizie', label: t('nav.news') },
        ]}
        current={item.title}
      />
      <h1 lang="it" className="max-w-prose text-3xl font-bold leading-tight sm:text-4xl">
        {item.title}
      </h1>
      <p className="mt-3 text-base text-muted">
        <time dateTime={item.publishedAt.toISOString()}>
          {t('news.publishedOn', {
            day: String(romeWallClock(item.publishedAt).day),
            date: format.dateTime(item.publishedAt, {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
            }),
          })}
        </time>
      </p>
      <p lang="it" className="mt-4 max-w-prose text-xl font-semibold leading-snug">
        {item.summary}
      </p>
      {item.imageUrl ? (
        // Uploaded images are served as they are (already checked, cached for a year): a plain img
        // avoids next/image re-encoding them.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={item.imageUrl}
          alt={item.imageAlt ?? ''}
          decoding="async"
          className="mt-6 h-auto w-full max-w-prose rounded-lg"
        />
      ) : null}
      <Markdown lang="it" className="mt-6">
        {item.body}
      </Markdown>
      <ButtonLink href="/notizie" className="mt-10">
        {t('news.all')}
      </ButtonLink>
    </article>
  )
}
