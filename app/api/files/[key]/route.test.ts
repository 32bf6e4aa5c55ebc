import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDiskStorage } from '@/lib/storage/local-disk-storage'
import { useStorage } from '@/lib/storage/get-storage'
import { newFileKey } from '@/lib/storage/file-storage'
import { GET } from './route'

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)
let folder: string

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'filo-files-'))
  useStorage(localDiskStorage(folder))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

const get = (key: string) =>
  GET(new Request(`http://localhost/api/files/${key}`), { params: Promise.resolve({ key }) })

describe('GET /api/files/[key]', () => {
  it('serves a stored image with its checked type, for a year, never sniffed', async () => {
    const key = newFileKey('image/png')
    await localDiskStorage(folder).saveFile(key, PNG, 'image/png')
    const response = await get(key)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG)
  })

  it('answers 404 for unknown keys and for anything that is not a key', async () => {
    for (const key of [
      newFileKey('image/jpeg'),
      '..%2F..%2Fetc%2Fpasswd',
      '../auth-secret',
      'a.png',
      `${'a'.repeat(32)}.svg`,
    ]) {
      expect((await get(key)).status).toBe(404)
    }
  })
})
