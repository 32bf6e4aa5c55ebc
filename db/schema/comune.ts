import { boolean, integer, jsonb, pgTable, serial, text, timestamp, check } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

/** A weekday's opening intervals, "HH:MM" in Europe/Rome; keys are ISO weekdays 1 (Mon) to 7 (Sun). */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>

/** GeoJSON polygon: one outer ring of [longitude, latitude] pairs, closed. */
export type BoundaryPolygon = { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }

/** The Comune itself: one row, id 1. */
export const comuneSettings = pgTable(
  'comune_settings',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    shortName: text().notNull(),
    province: text().notNull(),
    region: text().notNull(),
    address: text().notNull(),
    postalCode: text().notNull(),
    phone: text().notNull(),
    email: text().notNull(),
    pec: text().notNull(),
    website: text(),
    fiscalCode: text(),
    boundary: jsonb().$type<BoundaryPolygon>().notNull(),
    /** Day of the patron saint, "MM-DD": a local public holiday. */
    patronDay: text(),
    themePrimary: text().notNull().default('#0066CC'),
    privacyNoticeVersion: text().notNull(),
    privacyNoticeText: text().notNull(),
    /** Weekly events digest: off, or when it goes out (5-field cron, Rome time; null = FILO_DIGEST_CRON). */
    digestEnabled: boolean().notNull().default(true),
    digestCron: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('comune_settings_single_row', sql`${t.id} = 1`)],
)

export const offices = pgTable('offices', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  address: text().notNull(),
  phone: text(),
  email: text(),
  weeklyHours: jsonb().$type<WeeklyHours>().notNull(),
  /** Extra closed days ("YYYY-MM-DD"), on top of national and patron holidays. */
  closedDays: jsonb().$type<string[]>().notNull().default([]),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export type ComuneSettings = typeof comuneSettings.$inferSelect
export type Office = typeof offices.$inferSelect
