import { randomBytes } from 'node:crypto'
import { extensionOf, type FileKey, type StoredContentType } from './file-key-shared'

/**
 * Where uploaded files live. Local disk today; an S3-compatible bucket later implements the
 * same three calls. Keys are always made by newFileKey (random, never from a user), so a
 * backend can use them as file names or object keys as they are.
 */
export interface FileStorage {
  saveFile(key: FileKey, bytes: Uint8Array, contentType: StoredContentType): Promise<void>
  /** Null when there is no such file. */
  readFile(key: FileKey): Promise<StoredFile | null>
  /** Removing a file that is not there is not an error. */
  deleteFile(key: FileKey): Promise<void>
}

export type StoredFile = { bytes: Uint8Array<ArrayBuffer>; contentType: StoredContentType }

export function newFileKey(contentType: StoredContentType): FileKey {
  return `${randomBytes(16).toString('hex')}.${extensionOf[contentType]}` as FileKey
}
