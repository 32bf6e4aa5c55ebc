import 'server-only'
import { and, isNull, lt } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { reportPhotos } from '@/db/schema/reports'
import { getLogger } from '../log'
import { isFileKey } from '../storage/file-key-shared'
import { getStorage } from '../storage/get-storage'

/** How long a photo uploaded for a draft waits for its report before it is deleted. */
export const ABANDONED_PHOTO_HOURS = 24

/**
 * Deletes photos uploaded for reports never sent (a draft given up, a photo taken off the form),
 * row and file, once they are older than ABANDONED_PHOTO_HOURS: a citizen's picture is kept only
 * for the report it was taken for. A report being sent locks its photos (submitReport), so one
 * attached meanwhile is never taken.
 */
export async function purgeAbandonedReportPhotos(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_PHOTO_HOURS * 60 * 60 * 1000)
  const deleted = await db
    .delete(reportPhotos)
    .where(and(isNull(reportPhotos.reportId), lt(reportPhotos.createdAt, cutoff)))
    .returning({ fileKey: reportPhotos.fileKey })
  // The rows are gone first: a file left behind by a failed delete is unreachable, never the reverse.
  for (const { fileKey } of deleted) {
    if (!isFileKey(fileKey)) continue
    await getStorage()
      .deleteFile(fileKey)
      .catch((err: unknown) => getLogger().warn({ err, fileKey }, 'could not delete an abandoned report photo file'))
  }
  return deleted.length
}
