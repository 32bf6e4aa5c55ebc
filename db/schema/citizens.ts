import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { topics } from './topics'

/** A citizen: anonymous, bound to their devices by a signed cookie. */
export const citizens = pgTable('citizens', {
  id: uuid().primaryKey().defaultRandom(),
  locale: text().notNull().default('it'),
  privacyVersion: text().notNull(),
  privacyAcknowledgedAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** One browser's Web Push subscription (RFC 8030); a citizen may have several devices. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    endpoint: text().notNull().unique(),
    /** scheme://host of the endpoint: deliveries are paced per push service. */
    origin: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    deviceLabel: text().notNull().default(''),
    /** The citizen can pause push on one device and keep the inbox. */
    enabled: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('push_subscriptions_citizen').on(t.citizenId)],
)

export const topicSubscriptions = pgTable(
  'topic_subscriptions',
  {
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    topicId: integer()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.topicId] }), index('topic_subscriptions_topic').on(t.topicId, t.citizenId)],
)

export type Citizen = typeof citizens.$inferSelect
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect
