import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * The live-screen event log, generic for every feature: each channel (e.g. "conv:<id>",
 * "chat-inbox") has its own gap-free sequence. The counter row is locked by the writing
 * transaction, so events of one channel commit in sequence order, and a client that
 * reconnects with "the last sequence I saw" gets exactly what it missed.
 */
export const realtimeChannels = pgTable('realtime_channels', {
  channel: text().primaryKey(),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
})

export const realtimeEvents = pgTable(
  'realtime_events',
  {
    channel: text().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    /** Ids only (never the row): a client fetches what it is allowed to read. */
    data: jsonb().$type<Record<string, string | number | boolean | null | string[]>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.seq] }), index('realtime_events_created_at').on(t.createdAt)],
)

export type RealtimeEventRow = typeof realtimeEvents.$inferSelect
