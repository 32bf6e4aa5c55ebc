import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isHeif } from './heif'

const fixture = new Uint8Array(readFileSync(path.join(process.cwd(), 'lib', 'reports', 'fixtures', 'photo-with-gps.heic')))

/** An ISO-BMFF file start: an "ftyp" box with the given major and compatible brands. */
function ftyp(major: string, compatible: string[]): Uint8Array {
  const text = `....ftyp${major}\0\0\0\0${compatible.join('')}`
  const bytes = new Uint8Array([...text].map((c) => c.charCodeAt(0)))
  new DataView(bytes.buffer).setUint32(0, bytes.length)
  return bytes
}

describe('isHeif', () => {
  it('recognises an iPhone photo by its content', () => {
    expect(isHeif(fixture)).toBe(true)
  })

  it('reads the compatible brands too, when the major brand is a generic one', () => {
    expect(isHeif(ftyp('MiHE', ['MiHA', 'heic']))).toBe(true)
    expect(isHeif(ftyp('mif1', ['mif1']))).toBe(true)
  })

  it('turns down other files: a JPEG, an MP4 video, a brand past the end of the box', () => {
    expect(isHeif(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]))).toBe(false)
    expect(isHeif(ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toBe(false)
    const cut = ftyp('isom', ['mp41', 'heic'])
    new DataView(cut.buffer).setUint32(0, 20)
    expect(isHeif(cut)).toBe(false)
    expect(isHeif(new Uint8Array(8))).toBe(false)
  })
})
