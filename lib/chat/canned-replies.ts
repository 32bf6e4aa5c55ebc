import 'server-only'
import { asc, eq, isNull, or } from 'drizzle-orm'
import { cannedReplies } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff } from './access'

export type CannedReplyView = { shortcut: string; body: string }

/** Replies the actor can insert by typing "/": the Comune's and their office's. */
export async function listCannedReplies(actor: StaffActor): Promise<CannedReplyView[]> {
  assertChatStaff(actor)
  const db = await getDb()
  return db
    .select({ shortcut: cannedReplies.shortcut, body: cannedReplies.body })
    .from(cannedReplies)
    .where(actor.role === 'office' && actor.officeId !== null ? or(isNull(cannedReplies.officeId), eq(cannedReplies.officeId, actor.officeId)) : undefined)
    .orderBy(asc(cannedReplies.shortcut))
}
