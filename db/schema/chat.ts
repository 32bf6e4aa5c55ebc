import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { citizens } from './citizens'
import { offices } from './comune'
import { staffUsers } from './staff'

/**
 * open: being worked; pending: arrived outside opening hours, waits for the next opening;
 * snoozed: put aside until a time; resolved: closed (a new citizen message reopens it).
 */
export const conversationStatus = pgEnum('conversation_status', [
  'open',
  'pending',
  'snoozed',
  'resolved',
])
export type ConversationStatus = (typeof conversationStatus.enumValues)[number]

export const conversations = pgTable(
  'conversations',
  {
    id: uuid().primaryKey().defaultRandom(),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    status: conversationStatus().notNull().default('open'),
    officeId: integer().references(() => offices.id, { onDelete: 'set null' }),
    assigneeId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    snoozedUntil: timestamp({ withTimezone: true }),
    /** Set while a citizen message waits for a staff answer: the queue is ordered by it. */
    waitingSince: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** Rome date ("YYYY-MM-DD") of the last automatic out-of-hours reply: one per day. */
    autoReplyDate: text(),
    /** Highest message sequence each side has read (read receipts). */
    citizenReadSeq: bigint({ mode: 'number' }).notNull().default(0),
    staffReadSeq: bigint({ mode: 'number' }).notNull().default(0),
    lastMessageSeq: bigint({ mode: 'number' }).notNull().default(0),
    lastMessageAt: timestamp({ withTimezone: true }),
    /** Last heartbeat of an open citizen stream: a reply is pushed only when they are away. */
    citizenSeenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One thread per citizen, as at a counter: a resolved chat is reopened by their next message.
    uniqueIndex('conversations_citizen').on(t.citizenId),
    index('conversations_status_waiting').on(t.status, t.waitingSince),
    index('conversations_assignee').on(t.assigneeId, t.status),
  ],
)

export const chatAuthorType = pgEnum('chat_author_type', ['citizen', 'staff', 'system'])
export const chatMessageKind = pgEnum('chat_message_kind', [
  'text',
  'image',
  'video',
  'location',
  'note',
  'auto_reply',
])
export type ChatMessageKind = (typeof chatMessageKind.enumValues)[number]

export const chatAttachments = pgTable(
  'chat_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** File name in the chat store: random, never from a user. */
    storageKey: text().notNull().unique(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    width: integer(),
    height: integer(),
    durationSeconds: doublePrecision(),
    /** The message's client id when the upload came from the device's outbox: a retried upload is recognised. */
    clientId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chat_attachments_conversation_client').on(t.conversationId, t.clientId)],
)

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Per-conversation sequence (shared with the conversation's live events, so it may skip). */
    seq: bigint({ mode: 'number' }).notNull(),
    authorType: chatAuthorType().notNull(),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    kind: chatMessageKind().notNull(),
    body: text().notNull().default(''),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    attachmentId: uuid().references(() => chatAttachments.id, { onDelete: 'set null' }),
    /** The sender's own id for the message: a retry after a lost answer is recognised, never doubled. */
    clientId: text(),
    mentions: jsonb().$type<string[]>().notNull().default([]),
    /** Seconds the citizen waited, on the staff message that answered them (estimates, figures). */
    responseSeconds: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('chat_messages_conversation_seq').on(t.conversationId, t.seq),
    uniqueIndex('chat_messages_conversation_client').on(t.conversationId, t.clientId),
    index('chat_messages_created_at').on(t.createdAt),
    check(
      'chat_messages_location',
      sql`(${t.kind} = 'location') = (${t.latitude} is not null and ${t.longitude} is not null)`,
    ),
  ],
)

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** Typed after "/" in the composer, e.g. "orari". */
    shortcut: text().notNull(),
    body: text().notNull(),
    officeId: integer().references(() => offices.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('canned_replies_shortcut').on(t.shortcut)],
)

/** One staff member's chat preferences and presence. */
export const staffChatSettings = pgTable('staff_chat_settings', {
  staffId: uuid()
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  maxOpenChats: integer().notNull().default(5),
  soundEnabled: boolean().notNull().default(true),
  badgeEnabled: boolean().notNull().default(true),
  /** Heartbeat of an open console stream (any process): "online" means recent. */
  lastSeenAt: timestamp({ withTimezone: true }),
  /** Round-robin turns go to whoever was served longest ago. */
  lastAssignedAt: timestamp({ withTimezone: true }),
})

/**
 * A colleague named with @ in a private note, kept until they have seen it: someone who was
 * not online when the note was written finds it in the console at their next sign-in.
 */
export const chatMentions = pgTable(
  'chat_mentions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: bigint({ mode: 'number' })
      .notNull()
      .references(() => chatMessages.id, { onDelete: 'cascade' }),
    /** The note's sequence: reading the conversation up to it reads the mention. */
    seq: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('chat_mentions_staff_message').on(t.staffId, t.messageId),
    index('chat_mentions_unread').on(t.staffId, t.readAt),
  ],
)

export type Conversation = typeof conversations.$inferSelect
export type ChatMessage = typeof chatMessages.$inferSelect
export type ChatAttachment = typeof chatAttachments.$inferSelect
export type CannedReply = typeof cannedReplies.$inferSelect
export type ChatMention = typeof chatMentions.$inferSelect
