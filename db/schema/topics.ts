import { boolean, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

export const topics = pgTable('topics', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  nameIt: text().notNull(),
  nameEn: text().notNull(),
  descriptionIt: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  /** Shown as recommended and chosen for new subscribers (Protezione civile). */
  recommended: boolean().notNull().default(false),
  sortOrder: integer().notNull().default(0),
  retiredAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export type Topic = typeof topics.$inferSelect
