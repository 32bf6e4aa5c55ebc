/** Stored-file keys and addresses: pure, so the staff editor can use them in the browser. */

export const storedContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type StoredContentType = (typeof storedContentTypes)[number]

export const extensionOf: Record<StoredContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

export type FileKey = string & { readonly __brand: 'FileKey' }

/** 32 hex characters (128 random bits) and the extension of the checked type. */
export const FILE_KEY_PATTERN = /^[0-9a-f]{32}\.(jpg|png|webp)$/

export function isFileKey(value: string): value is FileKey {
  return FILE_KEY_PATTERN.test(value)
}

/** The type is part of the key, so serving a file never has to trust anything else. */
export function contentTypeOfKey(key: FileKey): StoredContentType {
  const extension = key.slice(key.lastIndexOf('.') + 1)
  const found = storedContentTypes.find((type) => extensionOf[type] === extension)
  if (!found) throw new Error(`not a file key: ${key}`)
  return found
}

/** The public address of a stored file (served by app/api/files/[key]). */
export function fileUrl(key: FileKey): string {
  return `/api/files/${key}`
}

/** The key behind an address made by fileUrl, or null for anything else. */
export function fileKeyFromUrl(url: string | null | undefined): FileKey | null {
  const key = /^\/api\/files\/([^/]+)$/.exec(url ?? '')?.[1]
  return key && isFileKey(key) ? key : null
}
