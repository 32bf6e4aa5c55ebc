import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// A key present in Italian but missing in English shows the raw key to a citizen who chose
// English: every catalogue file must have the same keys in both languages.
const root = path.resolve(import.meta.dirname, '../../messages')

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  )
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'))
}

describe('message catalogues', () => {
  const domainFiles = readdirSync(path.join(root, 'it')).filter((f) => f.endsWith('.json'))

  it('English has exactly the Italian keys, file by file', () => {
    const pairs: Array<[string, string]> = [
      ['it.json', 'en.json'],
      ...domainFiles.map((f): [string, string] => [`it/${f}`, `en/${f}`]),
    ]
    for (const [itFile, enFile] of pairs) {
      expect(keys(read(enFile)).sort(), enFile).toEqual(keys(read(itFile)).sort())
    }
  })

  it('no two files define the same top-level namespace', () => {
    const seen = new Map<string, string>()
    for (const file of ['it.json', ...domainFiles.map((f) => `it/${f}`)]) {
      for (const ns of Object.keys(read(file) as object)) {
        expect(seen.get(ns), `${ns} in ${file}`).toBeUndefined()
        seen.set(ns, file)
      }
    }
  })
})
