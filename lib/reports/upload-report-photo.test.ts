import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '@/db/schema/citizens'
import { reportPhotos } from '@/db/schema/reports'
import { setupTestDatabase } from '../testing/test-database'
import { localDiskStorage } from '../storage/local-disk-storage'
import { useStorage } from '../storage/get-storage'
import type { CitizenActor } from '../citizens/actor'
import { isHeic } from './photo-image'
import { readReportPhoto } from './read-report-photo'
import { uploadReportPhoto } from './upload-report-photo'

const database = setupTestDatabase()
let citizen: CitizenActor

/** A real iPhone-style HEIC carrying the camera and a GPS position in its EXIF (see fixtures/README.md). */
const heic = readFileSync(path.join(import.meta.dirname, 'fixtures', 'photo-with-gps.heic'))

beforeAll(async () => {
  useStorage(localDiskStorage(mkdtempSync(path.join(tmpdir(), 'filo-heic-'))))
  const [row] = await database.current().db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
  citizen = { kind: 'citizen', id: row!.id, locale: 'it' }
})

describe('a HEIC photo from an iPhone', () => {
  it('is accepted and kept as a JPEG of the same picture, without the camera or the GPS position', async () => {
    // The fixture really is what the phone sends: HEIC, with the EXIF the server must drop.
    expect(isHeic(heic)).toBe(true)
    expect(heic.includes('iPhone 15')).toBe(true)
    expect(heic.includes('Exif')).toBe(true)

    const photo = await uploadReportPhoto(citizen, heic)
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 1200, height: 900 })

    const stored = Buffer.from((await readReportPhoto(photo.id, { staff: null, citizen }))!.bytes)
    const meta = await sharp(stored).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(stored.includes('iPhone')).toBe(false)
    expect(stored.includes('Apple')).toBe(false)

    // The same picture: a blue patch on the left, sand in the bottom-right corner, dark lettering top left.
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
    const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 16)
    expect(near(at(60, 700), [71, 125, 199]), `blue patch was ${at(60, 700)}`).toBe(true)
    expect(near(at(1190, 890), [200, 179, 126]), `corner was ${at(1190, 890)}`).toBe(true)
    expect(near(at(100, 150), [36, 32, 29]), `lettering was ${at(100, 150)}`).toBe(true)
  })

  it('cut short in transit is refused with a clear message and nothing is kept', async () => {
    const before = (await database.current().db.select().from(reportPhotos)).length
    await expect(uploadReportPhoto(citizen, heic.subarray(0, 4000))).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Il file non è una foto: scegli un’immagine JPEG, PNG, WebP o HEIC.',
    })
    expect((await database.current().db.select().from(reportPhotos)).length).toBe(before)
  })
})
