import 'server-only'
import { and, eq, lte } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'

export type NewsArticle = {
  slug: string
  title: string
  summary: string
  /** Markdown. */
  body: string
  imageUrl: string | null
  imageAlt: string | null
  publishedAt: Date
  updatedAt: Date
}

/** A published news item, or null when it does not exist, is a draft or is scheduled for later. */
export async function getNewsBySlug(
  slug: string,
  options: { now?: Date } = {},
): Promise<NewsArticle | null> {
  const { now = new Date() } = options
  const db = await getDb()
  const [row] = await db
    .select({
      slug: newsItems.slug,
      title: newsItems.title,
      summary: newsItems.summary,
      body: newsItems.body,
      imageUrl: newsItems.imageUrl,
      imageAlt: newsItems.imageAlt,
      publishedAt: newsItems.publishedAt,
      updatedAt: newsItems.updatedAt,
    })
    .from(newsItems)
    .where(and(eq(newsItems.slug, slug), lte(newsItems.publishedAt, now)))
  if (!row?.publishedAt) return null
  return { ...row, publishedAt: row.publishedAt }
}
