import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '../env'

/**
 * Chat files live apart from the public uploads (`<FILO_DATA_DIR>/chat`): they are private
 * to one conversation and are only served through the checked attachment route.
 */
const KEY = /^[0-9a-f]{32}\.(jpg|mp4|webm)$/

function folder(): string {
  return path.resolve(getEnv().FILO_DATA_DIR, 'chat')
}

export function newChatFileKey(extension: 'jpg' | 'mp4' | 'webm'): string {
  return `${randomBytes(16).toString('hex')}.${extension}`
}

export async function saveChatFile(key: string, bytes: Uint8Array): Promise<void> {
  if (!KEY.test(key)) throw new Error('invalid chat file key')
  await mkdir(folder(), { recursive: true })
  const partial = path.join(folder(), `.${randomBytes(8).toString('hex')}.partial`)
  try {
    await writeFile(partial, bytes, { flag: 'wx' })
    await rename(partial, path.join(folder(), key))
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

export async function readChatFile(key: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!KEY.test(key)) return null
  try {
    const bytes = await readFile(path.join(folder(), key))
    return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export async function removeChatFile(key: string): Promise<void> {
  if (!KEY.test(key)) return
  await rm(path.join(folder(), key), { force: true })
}
