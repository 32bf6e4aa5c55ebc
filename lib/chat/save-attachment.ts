import 'server-only'
import sharp from 'sharp'
import { and, eq } from 'drizzle-orm'
import { chatAttachments, conversations } from '@/db/schema/chat'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { getDb } from '../db'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { sniffImageType } from '../storage/image-type'
import { assertChatStaff, assertStaffCanSee } from './access'
import { lockCitizenConversation } from './citizen-conversation'
import { newChatFileKey, removeChatFile, saveChatFile } from './chat-file-store'
import { sniffVideoType, videoDurationSeconds } from './video-duration'

/** The largest body the upload route reads at all (the larger of the two limits). */
export function maxUploadBytes(): number {
  const env = getEnv()
  return Math.max(env.FILO_CHAT_MAX_IMAGE_MB, env.FILO_CHAT_MAX_VIDEO_MB) * 1024 * 1024
}

export type SavedAttachment = { id: string; contentType: string; url: string }

/**
 * A photo or short clip for a conversation. The type is read from the bytes, not the name.
 * Photos are re-encoded as JPEG (turned upright, at most 2048 px, metadata such as GPS
 * position removed); clips must be MP4 or WebM within the configured size and duration.
 * With a `clientId` (the outbox message's own id) an upload sent again after a lost answer
 * returns the attachment saved the first time instead of a second copy.
 */
export async function saveChatAttachment({
  actor,
  conversationId,
  bytes,
  clientId,
}: {
  actor: CitizenActor | StaffActor
  conversationId?: string
  bytes: Uint8Array
  clientId?: string
}): Promise<SavedAttachment> {
  const env = getEnv()
  const db = await getDb()
  let targetConversation: string
  if (actor.kind === 'citizen') {
    targetConversation = (await db.transaction((tx) => lockCitizenConversation(tx, actor.id))).id
  } else {
    assertChatStaff(actor)
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId ?? '00000000-0000-0000-0000-000000000000'))
    assertStaffCanSee(actor, conversation)
    targetConversation = conversation!.id
  }

  const earlier = async () => {
    if (!clientId) return null
    const [row] = await db
      .select({ id: chatAttachments.id, contentType: chatAttachments.contentType })
      .from(chatAttachments)
      .where(and(eq(chatAttachments.conversationId, targetConversation), eq(chatAttachments.clientId, clientId)))
    return row ? { id: row.id, contentType: row.contentType, url: `/api/chat/attachments/${row.id}` } : null
  }
  const already = await earlier()
  if (already) return already

  if (bytes.byteLength === 0) throw new AppError('invalid_input', 'Il file è vuoto.')
  let stored: { bytes: Uint8Array; contentType: string; extension: 'jpg' | 'mp4' | 'webm'; width: number | null; height: number | null; duration: number | null }
  if (sniffImageType(bytes)) {
    if (bytes.byteLength > env.FILO_CHAT_MAX_IMAGE_MB * 1024 * 1024)
      throw new AppError('invalid_input', `La foto è troppo grande: al massimo ${env.FILO_CHAT_MAX_IMAGE_MB} MB.`)
    try {
      const { data, info } = await sharp(bytes, { limitInputPixels: 80_000_000 })
        .rotate()
        .resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true })
      stored = { bytes: data, contentType: 'image/jpeg', extension: 'jpg', width: info.width, height: info.height, duration: null }
    } catch {
      throw new AppError('invalid_input', 'Questa immagine non si apre: prova con un’altra foto.')
    }
  } else {
    const videoType = sniffVideoType(bytes)
    if (!videoType) throw new AppError('invalid_input', 'Puoi inviare foto (JPEG, PNG, WebP) o video (MP4, WebM).')
    if (bytes.byteLength > env.FILO_CHAT_MAX_VIDEO_MB * 1024 * 1024)
      throw new AppError('invalid_input', `Il video è troppo grande: al massimo ${env.FILO_CHAT_MAX_VIDEO_MB} MB.`)
    const duration = videoDurationSeconds(bytes)
    if (duration === null) throw new AppError('invalid_input', 'Non riesco a leggere la durata del video: prova a registrarlo di nuovo.')
    if (duration > env.FILO_CHAT_MAX_VIDEO_SECONDS + 0.5)
      throw new AppError('invalid_input', `Il video è troppo lungo: al massimo ${env.FILO_CHAT_MAX_VIDEO_SECONDS} secondi.`)
    stored = { bytes, contentType: videoType, extension: videoType === 'video/mp4' ? 'mp4' : 'webm', width: null, height: null, duration }
  }

  const key = newChatFileKey(stored.extension)
  await saveChatFile(key, stored.bytes)
  const [row] = await db
    .insert(chatAttachments)
    .values({
      conversationId: targetConversation,
      storageKey: key,
      contentType: stored.contentType,
      byteSize: stored.bytes.byteLength,
      width: stored.width,
      height: stored.height,
      durationSeconds: stored.duration,
      clientId: clientId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: chatAttachments.id })
  if (!row) {
    // The same upload finished first on another request (two tabs, a quick retry): keep that one.
    await removeChatFile(key)
    const first = await earlier()
    if (!first) throw new Error('attachment insert returned nothing')
    return first
  }
  return { id: row.id, contentType: stored.contentType, url: `/api/chat/attachments/${row.id}` }
}
