import 'server-only'
import sharp, { type Sharp } from 'sharp'
import { AppError } from '../errors'
import { sniffImageType } from '../storage/image-type'
import { PHOTO_MAX_EDGE } from './schemas'

export const NOT_AN_IMAGE = 'Il file non è una foto: scegli un’immagine JPEG, PNG, WebP o HEIC.'

/** HEIC/HEIF (iPhone photos): an ISO-BMFF "ftyp" box with a HEIF brand. */
export function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false
  const box = String.fromCharCode(...bytes.subarray(4, 8))
  const brand = String.fromCharCode(...bytes.subarray(8, 12))
  return box === 'ftyp' && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)
}

/**
 * A citizen's photo made safe to keep: decoded by its content (never by its name), turned
 * upright, shrunk to at most PHOTO_MAX_EDGE px and re-encoded as JPEG. Re-encoding drops every
 * piece of metadata (EXIF, GPS position, camera serial), whatever the phone already removed.
 */
export async function normalizePhoto(bytes: Uint8Array): Promise<{ jpeg: Buffer; width: number; height: number }> {
  let pipeline: Sharp
  try {
    if (isHeic(bytes)) {
      const { default: decode } = await import('heic-decode')
      const image = await decode({ buffer: bytes })
      pipeline = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
        raw: { width: image.width, height: image.height, channels: 4 },
      })
    } else if (sniffImageType(bytes)) {
      pipeline = sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 }).rotate()
    } else {
      throw new AppError('invalid_input', NOT_AN_IMAGE)
    }
    const { data, info } = await pipeline
      .resize({ width: PHOTO_MAX_EDGE, height: PHOTO_MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    return { jpeg: data, width: info.width, height: info.height }
  } catch (error) {
    if (error instanceof AppError) throw error
    // A file that starts like an image but is not one (truncated, forged header).
    throw new AppError('invalid_input', NOT_AN_IMAGE)
  }
}
