import { boolean, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { offices } from './comune'

/** A kind of problem citizens report, routed by default to one office. */
export const categories = pgTable('categories', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  officeId: integer()
    .notNull()
    .references(() => offices.id, { onDelete: 'restrict' }),
  /** Service-level target, in working days. */
  targetWorkingDays: integer().notNull().default(10),
  duplicateRadiusMeters: integer().notNull().default(250),
  /** Shown before the citizen writes, e.g. "pericolo per le persone: chiama il 112". */
  urgentNotice: text(),
  extraQuestions: jsonb()
    .$type<Array<{ code: string; label: string; required: boolean }>>()
    .notNull()
    .default([]),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
})

export type Category = typeof categories.$inferSelect
