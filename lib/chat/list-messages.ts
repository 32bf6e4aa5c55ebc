import 'server-only'
import { and, desc, eq, gt, ne } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { chatAttachments, chatMessages, conversations, type Conversation } from '@/db/schema/chat'
import { realtimeChannels } from '@/db/schema/realtime'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { assertChatStaff, assertStaffCanSee } from './access'
import { getCitizenConversation } from './citizen-conversation'
import { conversationChannel, type ChatMessageView } from './schemas'

export type MessagesPage = {
  conversationId: string | null
  messages: ChatMessageView[]
  /** The conversation channel's sequence when the page was read: where the live stream starts. */
  cursor: number
  status: Conversation['status'] | null
  /** What the other side has read, for the ticks. */
  readByOther: number
}

const LIMIT = 200

/** The citizen's own messages (never the staff's private notes), after a sequence number. */
export async function listMessagesForCitizen(actor: CitizenActor, options: { after?: number } = {}): Promise<MessagesPage> {
  const db = await getDb()
  const conversation = await getCitizenConversation(db, actor.id)
  if (!conversation) return { conversationId: null, messages: [], cursor: 0, status: null, readByOther: 0 }
  const cursor = await channelSeq(db, conversation.id)
  const messages = await readMessages(db, conversation.id, options.after ?? 0, false)
  return { conversationId: conversation.id, messages, cursor, status: conversation.status, readByOther: conversation.staffReadSeq }
}

export async function listMessagesForStaff(
  actor: StaffActor,
  conversationId: string,
  options: { after?: number } = {},
): Promise<MessagesPage & { conversation: Conversation }> {
  assertChatStaff(actor)
  const db = await getDb()
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId))
  assertStaffCanSee(actor, conversation)
  if (!conversation) throw new Error('unreachable')
  const cursor = await channelSeq(db, conversation.id)
  const messages = await readMessages(db, conversation.id, options.after ?? 0, true)
  return { conversationId, conversation, messages, cursor, status: conversation.status, readByOther: conversation.citizenReadSeq }
}

// Read before the messages: anything committed in between is both in the page and replayed
// by the stream, and the screen keeps one copy (messages are keyed by id).
async function channelSeq(db: DbOrTx, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ lastSeq: realtimeChannels.lastSeq })
    .from(realtimeChannels)
    .where(eq(realtimeChannels.channel, conversationChannel(conversationId)))
  return Number(row?.lastSeq ?? 0)
}

async function readMessages(db: DbOrTx, conversationId: string, after: number, withNotes: boolean): Promise<ChatMessageView[]> {
  const rows = await db
    .select({
      id: chatMessages.id,
      seq: chatMessages.seq,
      author: chatMessages.authorType,
      staffName: staffUsers.name,
      kind: chatMessages.kind,
      body: chatMessages.body,
      latitude: chatMessages.latitude,
      longitude: chatMessages.longitude,
      attachmentId: chatAttachments.id,
      contentType: chatAttachments.contentType,
      width: chatAttachments.width,
      height: chatAttachments.height,
      clientId: chatMessages.clientId,
      createdAt: chatMessages.createdAt,
    })
    .from(chatMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, chatMessages.staffId))
    .leftJoin(chatAttachments, eq(chatAttachments.id, chatMessages.attachmentId))
    .where(
      and(
        eq(chatMessages.conversationId, conversationId),
        gt(chatMessages.seq, after),
        withNotes ? undefined : ne(chatMessages.kind, 'note'),
      ),
    )
    .orderBy(after > 0 ? chatMessages.seq : desc(chatMessages.seq))
    .limit(LIMIT)
  if (after === 0) rows.reverse()
  return rows.map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    author: r.author,
    // Citizens see the first name only ("Maria, Comune"), staff the full name.
    staffName: r.staffName ? (withNotes ? r.staffName : (r.staffName.split(/\s+/)[0] ?? r.staffName)) : null,
    kind: r.kind,
    body: r.body,
    latitude: r.latitude,
    longitude: r.longitude,
    attachment: r.attachmentId
      ? { url: `/api/chat/attachments/${r.attachmentId}`, contentType: r.contentType ?? '', width: r.width, height: r.height }
      : null,
    clientId: r.clientId,
    createdAt: r.createdAt.toISOString(),
  }))
}
