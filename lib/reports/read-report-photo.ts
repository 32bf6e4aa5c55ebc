import 'server-only'
import { eq } from 'drizzle-orm'
import { reportPhotos, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { isFileKey } from '../storage/file-key-shared'
import { getStorage } from '../storage/get-storage'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { canSeeReport } from './report-access'

/**
 * A report photo's bytes, if this viewer may see it: approved photos are public; a pending or
 * hidden one only to the citizen who uploaded it and to the staff who handle the report. A photo
 * not yet attached to a report (a draft's) is the uploader's alone: no staff member handles it.
 */
export async function readReportPhoto(photoId: string, viewer: { staff: StaffActor | null; citizen: CitizenActor | null }) {
  if (!/^[0-9a-f-]{36}$/i.test(photoId)) return null
  const db = await getDb()
  const [photo] = await db
    .select({ fileKey: reportPhotos.fileKey, state: reportPhotos.state, uploader: reportPhotos.uploaderCitizenId, reportId: reportPhotos.reportId, officeId: reports.officeId })
    .from(reportPhotos)
    .leftJoin(reports, eq(reports.id, reportPhotos.reportId))
    .where(eq(reportPhotos.id, photoId))
  if (!photo) return null
  const attached = photo.reportId !== null && photo.officeId !== null
  const staffMay = attached && viewer.staff !== null && ['admin', 'operator', 'office'].includes(viewer.staff.role) && canSeeReport(viewer.staff, { officeId: photo.officeId! })
  const allowed = (attached && photo.state === 'approved') || (viewer.citizen !== null && viewer.citizen.id === photo.uploader) || staffMay
  if (!allowed || !isFileKey(photo.fileKey)) return null
  const file = await getStorage().readFile(photo.fileKey)
  return file ? { ...file, public: photo.state === 'approved' } : null
}
