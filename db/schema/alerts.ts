import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { BoundaryPolygon } from './comune'
import { citizens } from './citizens'
import { notifications } from './notifications'
import { staffUsers } from './staff'

/** A standing area of the Comune (a frazione, a flood plain) that alerts can target. */
export const zones = pgTable('zones', {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(''),
  polygon: jsonb().$type<BoundaryPolygon>().notNull(),
  retiredAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Neighbourhoods a citizen chose: zone-targeted alerts reach them (and everyone who chose none). */
export const citizenZones = pgTable(
  'citizen_zones',
  {
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    zoneId: integer()
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.zoneId] }), index('citizen_zones_zone').on(t.zoneId)],
)

/** Aree di attesa: where people gather in an emergency, from the piano comunale. */
export const waitingAreas = pgTable('waiting_areas', {
  id: serial().primaryKey(),
  name: text().notNull(),
  address: text().notNull(),
  latitude: doublePrecision().notNull(),
  longitude: doublePrecision().notNull(),
  zoneId: integer().references(() => zones.id, { onDelete: 'set null' }),
  notes: text().notNull().default(''),
  active: boolean().notNull().default(true),
})

/** Self-protection instructions per risk, edited by admins, copied into each alert. */
export const riskTemplates = pgTable('risk_templates', {
  risk: text().primaryKey(),
  instructionsIt: text().notNull(),
  instructionsEn: text().notNull().default(''),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * A civil-protection alert as citizens follow it: drafted, approved (two people for orange
 * and red), published, updated, ended. Each published version is an alert_messages row.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** CAP identifier stem, e.g. it.comune.esempio.2026.0001; versions append .1, .2… */
    identifier: text().notNull().unique(),
    state: text().notNull().default('draft'),
    level: text().notNull(),
    phase: text(),
    risks: jsonb().$type<string[]>().notNull(),
    headline: text().notNull(),
    description: text().notNull(),
    comuneActions: text().notNull().default(''),
    instructions: text().notNull().default(''),
    sourceUrl: text(),
    issuer: text().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }).notNull(),
    zoneIds: jsonb().$type<number[]>().notNull().default([]),
    customPolygon: jsonb().$type<BoundaryPolygon | null>(),
    waitingAreaIds: jsonb().$type<number[]>().notNull().default([]),
    draftedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    approvedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Published by an admin without a second person: recorded and shown as such. */
    override: boolean().notNull().default(false),
    overrideReason: text(),
    version: integer().notNull().default(0),
    /** Why a second person sent the draft back to its author (until it is submitted again). */
    returnNote: text(),
    returnedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    returnedAt: timestamp({ withTimezone: true }),
    /** An update of a published orange or red alert waiting for a second person (null when none). */
    pendingUpdate: jsonb().$type<PendingAlertUpdate | null>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('alerts_state_valid_until').on(t.state, t.validUntil)],
)

/** Every CAP message published for an alert: Alert, Update or Cancel, with what it said. */
export const alertMessages = pgTable(
  'alert_messages',
  {
    id: serial().primaryKey(),
    alertId: uuid()
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    /** The CAP identifier of this message (the alert's stem + version). */
    identifier: text().notNull().unique(),
    msgType: text().notNull(),
    sent: timestamp({ withTimezone: true }).notNull(),
    /** The alert as published, so the CAP document never changes afterwards. */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    notificationId: uuid().references(() => notifications.id, { onDelete: 'set null' }),
    /** The CAP 1.2 document as published: served as is, whatever changes later (zones, the Comune's contacts). */
    capXml: text(),
    /** Sent by an admin without the second person the rule asked for (first publication or update). */
    override: boolean().notNull().default(false),
    overrideReason: text(),
    publishedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [index('alert_messages_alert').on(t.alertId, t.id)],
)

/** What an update changes, as asked for by `requestedBy`; applied when approved. */
export type PendingAlertUpdate = {
  level: string
  phase: string | null
  headline: string
  description: string
  instructions: string
  comuneActions: string
  validUntil: string
  requestedBy: string
  requestedAt: string
}

export type Alert = typeof alerts.$inferSelect
export type AlertMessage = typeof alertMessages.$inferSelect
export type Zone = typeof zones.$inferSelect
export type WaitingArea = typeof waitingAreas.$inferSelect
