import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { reports } from './reports'
import { staffUsers } from './staff'

/**
 * A machine allowed to file reports through Open311 (a FixMyStreet instance, a partner app).
 * One key per client: only its SHA-256 is kept (keys are 32 random bytes, so a fast hash is
 * enough); the key itself is shown once, when an administrator issues it.
 */
export const open311Clients = pgTable('open311_clients', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** Who runs the client (email or phone), for the administrators. */
  contact: text().notNull().default(''),
  keyHash: text().notNull().unique(),
  /** The key's last characters, so staff can tell keys apart without knowing them. */
  keyHint: text().notNull(),
  createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
  revokedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
})

/**
 * What an Open311 client sent with a report beyond what Filo keeps on every report: its own
 * account and device ids and the photo links it gave (kept for staff, never shown publicly).
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    reportId: uuid()
      .primaryKey()
      .references(() => reports.id, { onDelete: 'cascade' }),
    clientId: uuid()
      .notNull()
      .references(() => open311Clients.id, { onDelete: 'restrict' }),
    accountId: text(),
    deviceId: text(),
    mediaUrls: text().array().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('open311_requests_client').on(t.clientId)],
)

export type Open311Client = typeof open311Clients.$inferSelect
