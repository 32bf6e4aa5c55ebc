import { sql } from 'drizzle-orm'
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { citizens, pushSubscriptions } from './citizens'
import { staffUsers } from './staff'
import { topics } from './topics'

/**
 * One message to citizens (news, alert, reply…): written once, copied to each recipient's
 * inbox, pushed to each of their devices by a job.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** Path inside the app the notification opens, e.g. /notizie/lavori-via-roma. */
    url: text().notNull(),
    /** Who gets it: subscribers of a topic, or one citizen. */
    topicId: integer().references(() => topics.id, { onDelete: 'set null' }),
    citizenId: uuid().references(() => citizens.id, { onDelete: 'cascade' }),
    urgency: text().notNull().default('normal'),
    ttlSeconds: integer().notNull().default(86_400),
    /** RFC 8030 Topic: a newer message with the same value replaces an undelivered older one. */
    pushTopic: text(),
    /** Where the message came from (a news item, an alert…), for statistics and replacement. */
    sourceType: text(),
    sourceId: text(),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** queued → sending → done; counts are kept up to date while it runs. */
    state: text().notNull().default('queued'),
    total: integer().notNull().default(0),
    sent: integer().notNull().default(0),
    gone: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('notifications_created_at').on(t.createdAt),
    // A news item or event is announced at most once, whatever races the publishing jobs run.
    uniqueIndex('notifications_content_source').on(t.sourceType, t.sourceId).where(sql`${t.sourceType} in ('news', 'event')`),
  ],
)

/** One push of one notification to one device; ends in exactly one of sent, gone, failed. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    subscriptionId: uuid().references(() => pushSubscriptions.id, { onDelete: 'set null' }),
    origin: text().notNull(),
    /** pending → sending → sent | gone | failed */
    state: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deliveries_notification_subscription').on(t.notificationId, t.subscriptionId),
    index('deliveries_notification_state').on(t.notificationId, t.state),
  ],
)

/** What the citizen finds in the app's inbox, whether or not push arrived. */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    readAt: timestamp({ withTimezone: true }),
    /** When the citizen opened the message (tapped the phone notification or the inbox entry). */
    openedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('inbox_items_citizen_notification').on(t.citizenId, t.notificationId), index('inbox_items_citizen_id').on(t.citizenId, t.id)],
)

/** Push services that refused our credentials (400/401/403): paused until staff look. */
export const pushServiceBlocks = pgTable('push_service_blocks', {
  origin: text().primaryKey(),
  status: integer().notNull(),
  reason: text().notNull(),
  blockedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Generated settings that must survive restarts (VAPID keys when not configured). */
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: jsonb().$type<Record<string, string>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export type Notification = typeof notifications.$inferSelect
export type Delivery = typeof deliveries.$inferSelect
