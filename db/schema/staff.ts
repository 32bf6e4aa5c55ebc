import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { offices } from './comune'

export const staffRole = pgEnum('staff_role', ['admin', 'operator', 'office', 'civil_protection'])
export type StaffRole = (typeof staffRole.enumValues)[number]

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-case so sign-in and uniqueness ignore case. */
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: staffRole().notNull(),
    officeId: integer().references(() => offices.id, { onDelete: 'restrict' }),
    active: boolean().notNull().default(true),
    /** Bumped on deactivation and role changes: sessions carrying an older value stop working. */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('staff_users_office_role', sql`(${t.role} = 'office') = (${t.officeId} is not null)`),
  ],
)

/** Every sign-in attempt, keyed by account and by IP address, for throttling. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    key: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_at').on(t.key, t.at)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Who acted, as shown at the time (kept even if the account changes). */
    actorLabel: text().notNull(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_action_at').on(t.action, t.at)],
)

export type StaffUser = typeof staffUsers.$inferSelect
export type AuditEntry = typeof auditLog.$inferSelect
