import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { citizens } from './citizens'
import { offices, type BoundaryPolygon } from './comune'
import { staffUsers } from './staff'

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
  /** Free text unless `type` is "choice" (one of `options`); older rows have neither field. */
  extraQuestions: jsonb()
    .$type<Array<{ code: string; label: string; required: boolean; type?: 'text' | 'choice'; options?: string[] }>>()
    .notNull()
    .default([]),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
})

/**
 * Routing by competence: a report of `categoryId` (any category when null) whose place lies
 * inside `area` (anywhere in the Comune when null) goes to `officeId`. The first matching
 * rule by `sortOrder` wins; with none, the category's own office takes it.
 */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    categoryId: integer().references(() => categories.id, { onDelete: 'cascade' }),
    area: jsonb().$type<BoundaryPolygon | null>(),
    officeId: integer()
      .notNull()
      .references(() => offices.id, { onDelete: 'restrict' }),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_rules_category').on(t.categoryId, t.sortOrder)],
)

// Public codes (SEG-2026-000123) come from one sequence per year, report_code_<year>,
// created at run time by lib/reports/public-code.ts (not a table, so not in this schema).

/**
 * A citizen's report of a problem at a place. `status` is the detailed step citizens read
 * (ricevuta, presa in carico…); `state` is the coarse queue staff triage (new, in progress,
 * waiting, closed), always derived from `status`.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Public code, e.g. SEG-2026-000123: safe to show, hard to guess nothing from. */
    publicCode: text().notNull().unique(),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    officeId: integer()
      .notNull()
      .references(() => offices.id, { onDelete: 'restrict' }),
    assigneeId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** The reporter; null for reports from an Open311 client without a citizen, or erased. */
    citizenId: uuid().references(() => citizens.id, { onDelete: 'set null' }),
    source: text().$type<'app' | 'open311'>().notNull().default('app'),
    /** Which Open311 client sent it (its id as that capability keeps it). */
    sourceClientId: text(),
    title: text().notNull(),
    description: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    address: text().notNull().default(''),
    /** Answers to the category's extra questions, by question code. */
    answers: jsonb().$type<Record<string, string>>().notNull().default({}),
    state: text().$type<'new' | 'in_progress' | 'waiting' | 'closed'>().notNull().default('new'),
    status: text().notNull().default('received'),
    priority: text().$type<'low' | 'normal' | 'high' | 'urgent'>().notNull().default('normal'),
    /** Scoped by the sender ("citizen:<id>:<key>", "open311:<client>:<key>"): a retry finds the first report. */
    idempotencyKey: text().unique(),
    /** Private: never shown to other citizens or in public lists and exports. */
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    /** Target date (Rome, "YYYY-MM-DD") from the category's working-day target. */
    dueDate: text().notNull(),
    mergedIntoId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** When the reporter was asked "È stato risolto?" and what they said. */
    resolutionAskedAt: timestamp({ withTimezone: true }),
    resolutionAnswer: text().$type<'yes' | 'no'>(),
    reopenCount: integer().notNull().default(0),
    /**
     * When the reporter answered "No, non è risolto" and reopened it; cleared once staff of the
     * office have seen it (a status change, or "Presa visione"). Until then it heads their queue.
     */
    reopenAlertAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('reports_state_created').on(t.state, t.createdAt),
    index('reports_office_state').on(t.officeId, t.state),
    index('reports_category_state').on(t.categoryId, t.state),
    index('reports_citizen').on(t.citizenId),
    index('reports_lat_lon').on(t.latitude, t.longitude),
    index('reports_reopen_alert').on(t.officeId, t.reopenAlertAt).where(sql`${t.reopenAlertAt} is not null`),
    check('reports_lat_lon_range', sql`${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`),
  ],
)

/**
 * The timeline of a report: every status change, note, routing step, assignment. Public
 * entries are shown to citizens; internal ones to staff only.
 */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text()
      .$type<'created' | 'status' | 'note' | 'routing' | 'assignment' | 'priority' | 'photo' | 'merge' | 'follow' | 'resolution'>()
      .notNull(),
    visibility: text().$type<'public' | 'internal'>().notNull(),
    fromStatus: text(),
    toStatus: text(),
    note: text().notNull().default(''),
    actorStaffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Who acted, as staff see it ("Marco Rossi", "Regola: Centro storico", "Cittadino"). */
    actorLabel: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('report_events_report').on(t.reportId, t.id)],
)

/**
 * A photo of a report, re-encoded on the server without metadata. Uploaded before the report
 * exists (reportId null, bound to the uploader), attached when it is sent. Shown publicly only
 * once staff approve it.
 */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid().references(() => reports.id, { onDelete: 'cascade' }),
    uploaderCitizenId: uuid().references(() => citizens.id, { onDelete: 'set null' }),
    fileKey: text().notNull().unique(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: integer().notNull(),
    state: text().$type<'pending' | 'approved' | 'hidden'>().notNull().default('pending'),
    reviewedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_photos_report').on(t.reportId), index('report_photos_uploader').on(t.uploaderCitizenId, t.reportId)],
)

/** Citizens told about a report's public changes: the reporter, "Segnala anche tu", merged duplicates. */
export const reportFollowers = pgTable(
  'report_followers',
  {
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    via: text().$type<'reporter' | 'me_too' | 'merge'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.citizenId] }), index('report_followers_citizen').on(t.citizenId)],
)

/** Ready answers staff pick from when they change a report's status; per category or for all. */
export const replyTemplates = pgTable('reply_templates', {
  id: serial().primaryKey(),
  categoryId: integer().references(() => categories.id, { onDelete: 'cascade' }),
  title: text().notNull(),
  body: text().notNull(),
  sortOrder: integer().notNull().default(0),
})

/**
 * The Comune's own street directory, for finding a place by address without an external
 * geocoder: one representative point per street (or civic number, when known).
 */
export const streets = pgTable(
  'streets',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    /** Lower-case, without accents and punctuation, for searching. */
    searchName: text().notNull(),
    houseNumber: text().notNull().default(''),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
  },
  (t) => [index('streets_search_name').on(t.searchName)],
)

export type Category = typeof categories.$inferSelect
export type RoutingRule = typeof routingRules.$inferSelect
export type Report = typeof reports.$inferSelect
export type ReportEvent = typeof reportEvents.$inferSelect
export type ReportPhoto = typeof reportPhotos.$inferSelect
export type ReplyTemplate = typeof replyTemplates.$inferSelect
