import type { Metadata } from 'next'
import type { Locale } from '@/i18n/locales'
import { getEnv } from '@/lib/env'

/** Title, canonical address and Open Graph tags of a shareable news item or event. */
export function articleMetadata(article: {
  path: string
  title: string
  summary: string
  publishedAt: Date
  updatedAt?: Date
  imageUrl: string | null
  imageAlt: string | null
  locale: Locale
}): Metadata {
  return {
    title: article.title,
    description: article.summary,
    // Link previews (messaging apps, social networks) need absolute addresses for the page and image.
    metadataBase: new URL(getEnv().FILO_PUBLIC_URL),
    alternates: { canonical: article.path },
    openGraph: {
      type: 'article',
      url: article.path,
      title: article.title,
      description: article.summary,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt?.toISOString(),
      locale: article.locale === 'it' ? 'it_IT' : 'en_GB',
      images: article.imageUrl ? [{ url: article.imageUrl, alt: article.imageAlt ?? '' }] : undefined,
    },
    twitter: { card: article.imageUrl ? 'summary_large_image' : 'summary' },
  }
}
