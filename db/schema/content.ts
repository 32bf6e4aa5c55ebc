import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { topics } from './topics'
import { staffUsers } from './staff'

export const newsItems = pgTable(
  'news_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull(),
    /** Markdown, sanitised when rendered. */
    body: text().notNull(),
    topicId: integer().references(() => topics.id, { onDelete: 'set null' }),
    imageUrl: text(),
    imageAlt: text(),
    /** Null while a draft; in the future when scheduled. */
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('news_items_published_at').on(t.publishedAt)],
)

export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    location: text().notNull(),
    imageUrl: text(),
    imageAlt: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }),
    topicId: integer().references(() => topics.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_starts_at').on(t.startsAt)],
)

export type NewsItem = typeof newsItems.$inferSelect
export type CityEvent = typeof events.$inferSelect
