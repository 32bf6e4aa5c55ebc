import 'server-only'
import { desc, lte } from 'drizzle-orm'
import { newsItems } from '@/db/schema/content'
import { getDb } from '../db'

export type NewsSummary = {
  slug: string
  title: string
  summary: string
  publishedAt: Date
}

/** Published news, newest first; drafts and scheduled items stay hidden until their time. */
export async function listNews(
  options: { limit?: number; now?: Date } = {},
): Promise<NewsSummary[]> {
  const { limit = 100, now = new Date() } = options
  const db = await getDb()
  const rows = await db
    .select({
      slug: newsItems.slug,
      title: newsItems.title,
      summary: newsItems.summary,
      publishedAt: newsItems.publishedAt,
    })
    .from(newsItems)
    .where(lte(newsItems.publishedAt, now))
    .orderBy(desc(newsItems.publishedAt), desc(newsItems.createdAt))
    .limit(limit)
  // The filter excludes null publication times; this narrows the type to match.
  return rows.flatMap((row) => (row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : []))
}
