import 'server-only'
import path from 'node:path'
import { getEnv } from '../env'
import type { FileStorage } from './file-storage'
import { localDiskStorage } from './local-disk-storage'

const key = Symbol.for('filo.storage')
type Holder = { [key]?: FileStorage }

/** The process's file store: `${FILO_DATA_DIR}/uploads` on local disk (S3 will plug in here). */
export function getStorage(): FileStorage {
  const holder = globalThis as Holder
  holder[key] ??= localDiskStorage(path.join(getEnv().FILO_DATA_DIR, 'uploads'))
  return holder[key]
}

/** Tests install their own throwaway store. */
export function useStorage(storage: FileStorage): void {
  ;(globalThis as Holder)[key] = storage
}
