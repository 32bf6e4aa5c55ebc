import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FileStorage } from './file-storage'
import { contentTypeOfKey, isFileKey, type FileKey } from './file-key-shared'

/** Files in one folder, named by their key. The type lives in the key's extension. */
export function localDiskStorage(root: string): FileStorage {
  const folder = path.resolve(root)
  const pathOf = (key: FileKey) => {
    // Keys are made by newFileKey; checking again keeps a bad caller from leaving the folder.
    if (!isFileKey(key)) throw new Error('invalid file key')
    return path.join(folder, key)
  }
  return {
    async saveFile(key, bytes) {
      await mkdir(folder, { recursive: true })
      // Written aside and renamed, so a reader never sees half a file.
      const partial = path.join(folder, `.${randomBytes(8).toString('hex')}.partial`)
      try {
        await writeFile(partial, bytes, { flag: 'wx' })
        await rename(partial, pathOf(key))
      } catch (error) {
        await rm(partial, { force: true })
        throw error
      }
    },
    async readFile(key) {
      try {
        const bytes = await readFile(pathOf(key))
        // The same bytes, no copy, typed as a Response body wants them.
        return {
          bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength),
          contentType: contentTypeOfKey(key),
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async deleteFile(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
