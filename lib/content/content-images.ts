import 'server-only'
import { AppError } from '../errors'
import { getLogger } from '../log'
import { fileKeyFromUrl, type FileKey } from '../storage/file-key-shared'
import { getStorage } from '../storage/get-storage'

/** A form may only point at an image that was uploaded (the key could be made up). */
export async function assertStoredImage(key: FileKey): Promise<void> {
  if (!(await getStorage().readFile(key))) {
    throw new AppError('invalid_input', 'Controlla i campi evidenziati.', {
      imageKey: 'L’immagine non si trova più: caricala di nuovo.',
    })
  }
}

/**
 * After a change has committed, deletes the image the item no longer uses. Each upload has
 * its own random key, so nothing else can be pointing at it. A failure only leaves a file behind.
 */
export async function removeReplacedImage(
  beforeUrl: string | null,
  afterUrl: string | null,
): Promise<void> {
  const key = fileKeyFromUrl(beforeUrl)
  if (!key || beforeUrl === afterUrl) return
  await getStorage()
    .deleteFile(key)
    .catch((error: unknown) =>
      getLogger().warn({ err: error, key }, 'could not delete a replaced image'),
    )
}
