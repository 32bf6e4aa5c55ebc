import 'server-only'
import { AppError } from '../errors'
import { assertRole, type StaffActor } from '../auth/actor'
import { fileUrl, type FileKey } from '../storage/file-key-shared'
import { newFileKey } from '../storage/file-storage'
import { getStorage } from '../storage/get-storage'
import { sniffImageType } from '../storage/image-type'
import { IMAGE_MAX_BYTES } from './schemas'

export const IMAGE_TOO_LARGE = 'L’immagine supera i 5 MB: riducila e riprova.'

/**
 * Keeps an image for a news item or event. Its type is decided by its first bytes, never by
 * its name or declared type; it is stored under a new random name. The item points at it
 * when the form is saved.
 */
export async function uploadContentImage(
  actor: StaffActor,
  bytes: Uint8Array,
): Promise<{ key: FileKey; url: string }> {
  assertRole(actor, ['admin', 'operator'])
  if (bytes.byteLength === 0) throw new AppError('invalid_input', 'Il file è vuoto.')
  if (bytes.byteLength > IMAGE_MAX_BYTES) throw new AppError('invalid_input', IMAGE_TOO_LARGE)
  const type = sniffImageType(bytes)
  if (!type) throw new AppError('invalid_input', 'Il file non è un’immagine JPEG, PNG o WebP.')
  const key = newFileKey(type)
  await getStorage().saveFile(key, bytes, type)
  return { key, url: fileUrl(key) }
}
