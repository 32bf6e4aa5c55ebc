import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { staffUsers } from './staff'

/**
 * A broadcast to the subscribers of one or more topics, sent at once or at a chosen time, as
 * one notification to everyone following any of them (each citizen and device once).
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    body: text().notNull(),
    /** Path inside the app the notification opens. */
    url: text().notNull().default('/notifiche'),
    topicIds: jsonb().$type<number[]>().notNull(),
    /** scheduled → sent, or cancelled; failed when every topic was retired before sending. */
    state: text().notNull().default('scheduled'),
    scheduledFor: timestamp({ withTimezone: true }),
    /** Devices the campaign was handed to when it was sent. */
    devices: integer(),
    /** The notification it was sent as (campaigns sent before multi-topic audiences have one per topic). */
    notificationIds: jsonb().$type<string[]>().notNull().default([]),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [index('campaigns_created_at').on(t.createdAt)],
)

export type Campaign = typeof campaigns.$inferSelect
