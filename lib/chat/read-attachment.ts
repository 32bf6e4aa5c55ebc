import 'server-only'
import { eq } from 'drizzle-orm'
import { chatAttachments, conversations } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { AppError } from '../errors'
import { canStaffSee } from './access'
import { readChatFile } from './chat-file-store'

/** An attachment's bytes, for the citizen of its conversation or staff who may see it. */
export async function readChatAttachment(
  actor: CitizenActor | StaffActor | null,
  attachmentId: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const notFound = new AppError('not_found', 'Allegato non trovato.')
  if (!actor) throw notFound
  const db = await getDb()
  const [row] = await db
    .select({
      key: chatAttachments.storageKey,
      contentType: chatAttachments.contentType,
      citizenId: conversations.citizenId,
      officeId: conversations.officeId,
      assigneeId: conversations.assigneeId,
    })
    .from(chatAttachments)
    .innerJoin(conversations, eq(conversations.id, chatAttachments.conversationId))
    .where(eq(chatAttachments.id, attachmentId))
  if (!row) throw notFound
  const allowed = actor.kind === 'citizen' ? row.citizenId === actor.id : canStaffSee(actor, row)
  if (!allowed) throw notFound
  const bytes = await readChatFile(row.key)
  if (!bytes) throw notFound
  return { bytes, contentType: row.contentType }
}
