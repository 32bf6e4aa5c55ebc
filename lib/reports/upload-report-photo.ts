import 'server-only'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { reportPhotos } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import { newFileKey } from '../storage/file-storage'
import { getStorage } from '../storage/get-storage'
import type { CitizenActor } from '../citizens/actor'
import { normalizePhoto } from './photo-image'
import { PHOTO_UPLOAD_MAX_BYTES } from './schemas'

export const PHOTO_TOO_LARGE = 'La foto è troppo grande (al massimo 15 MB): riducila e riprova.'

/**
 * Keeps a photo for a report the citizen is writing. It is re-encoded without metadata and
 * kept unattached until the report is sent (then staff approve it before anyone else sees it).
 */
export async function uploadReportPhoto(citizen: CitizenActor, bytes: Uint8Array, now = new Date()) {
  if (bytes.byteLength === 0) throw new AppError('invalid_input', 'Il file è vuoto.')
  if (bytes.byteLength > PHOTO_UPLOAD_MAX_BYTES) throw new AppError('invalid_input', PHOTO_TOO_LARGE)
  const db = await getDb()
  // A device writing one report uploads a handful of photos, not hundreds.
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportPhotos)
    .where(and(eq(reportPhotos.uploaderCitizenId, citizen.id), isNull(reportPhotos.reportId), gt(reportPhotos.createdAt, new Date(now.getTime() - 3_600_000))))
  if ((recent?.n ?? 0) >= 30) throw new AppError('throttled', 'Hai caricato molte foto nell’ultima ora: riprova più tardi.')
  const photo = await normalizePhoto(bytes)
  const key = newFileKey('image/jpeg')
  await getStorage().saveFile(key, photo.jpeg, 'image/jpeg')
  const [row] = await db
    .insert(reportPhotos)
    .values({ uploaderCitizenId: citizen.id, fileKey: key, width: photo.width, height: photo.height, bytes: photo.jpeg.byteLength, createdAt: now })
    .returning({ id: reportPhotos.id, width: reportPhotos.width, height: reportPhotos.height })
  if (!row) throw new Error('photo insert returned nothing')
  return { ...row, url: reportPhotoUrl(row.id) }
}

export function reportPhotoUrl(photoId: string): string {
  return `/api/reports/photos/${photoId}`
}
