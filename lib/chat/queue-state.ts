import 'server-only'
import { and, desc, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { chatMessages, conversations } from '@/db/schema/chat'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { formatOpeningState } from '../offices/opening-state-shared'
import { getChatOpeningState } from './chat-hours'
import { getCitizenConversation } from './citizen-conversation'
import { listOnlineStaff } from './staff-presence'

export type QueueState = {
  open: boolean
  /** "Aperto ora, chiude alle 13:00" / "Chiuso, riapre lunedì alle 8:30". */
  hoursText: string
  waiting: boolean
  position: number | null
  /** Minutes, from recent first-response times; null while the chat is closed (nobody answers before it opens). */
  estimatedMinutes: number | null
}

/** Assumed answer time before any history exists. */
const DEFAULT_RESPONSE_SECONDS = 5 * 60

/**
 * Where the citizen's chat stands in the queue of chats waiting for an answer (oldest
 * first), and an estimate: the median of the last 50 waits that staff answered in the past
 * two weeks, times the rounds needed for the people online to reach this chat.
 */
export async function getQueueState(actor: CitizenActor, now = new Date()): Promise<QueueState> {
  const db = await getDb()
  const opening = await getChatOpeningState(db, now)
  const base = { open: opening.status === 'open', hoursText: formatOpeningState(opening, actor.locale) }
  const conversation = await getCitizenConversation(db, actor.id)
  if (!conversation?.waitingSince || conversation.status === 'resolved') {
    return { ...base, waiting: false, position: null, estimatedMinutes: null }
  }
  const [ahead] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(
      and(
        isNotNull(conversations.waitingSince),
        inArray(conversations.status, ['open', 'pending']),
        lte(conversations.waitingSince, conversation.waitingSince),
      ),
    )
  const position = Math.max(1, ahead?.n ?? 1)
  // Closed: an estimate from daytime answers would promise minutes when the wait is until opening.
  if (!base.open) return { ...base, waiting: true, position, estimatedMinutes: null }
  const recent = await db
    .select({ s: chatMessages.responseSeconds })
    .from(chatMessages)
    .where(and(isNotNull(chatMessages.responseSeconds), gt(chatMessages.createdAt, new Date(now.getTime() - 14 * 86_400_000))))
    .orderBy(desc(chatMessages.createdAt))
    .limit(50)
  const median = medianOf(recent.map((r) => r.s ?? 0)) ?? DEFAULT_RESPONSE_SECONDS
  const online = Math.max(1, (await listOnlineStaff(db, now)).length)
  const rounds = Math.ceil(position / online)
  return { ...base, waiting: true, position, estimatedMinutes: Math.max(1, Math.round((median * rounds) / 60)) }
}

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
