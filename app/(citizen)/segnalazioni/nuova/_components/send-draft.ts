import { acknowledgePrivacyAction, submitReportAction } from '../../actions'
import { toSubmission, type ReportDraft } from './draft-store'
import { uploadPhoto, UploadError } from './photo-upload'

export type SendOutcome =
  | { ok: true; publicCode: string; dueDate: string | null }
  /** Refused: the report must change. `retryLater`: not the report's fault, send it again later. */
  | { ok: false; message: string; fieldErrors?: Record<string, string>; retryLater?: boolean }

/**
 * Sends a draft: tells the server of the privacy acceptance (it may have been given offline,
 * or the device may have lost its citizen since), uploads the photos chosen offline, submits.
 * `onProgress` receives the draft after each step, so a send cut halfway keeps what was done
 * (an uploaded photo is never uploaded twice). Throws only when the network fails.
 */
export async function sendDraft(draft: ReportDraft, onProgress: (draft: ReportDraft) => void): Promise<SendOutcome> {
  let current = draft
  if (current.privacyVersion !== undefined || current.privacyPending) {
    const ack = await acknowledgePrivacyAction(current.privacyVersion ?? '')
    if (!ack.ok) return { ok: false, message: ack.message, retryLater: true }
    if (current.privacyPending) {
      current = { ...current, privacyPending: false }
      onProgress(current)
    }
  }
  try {
    current = await uploadPendingPhotos(current, onProgress)
  } catch (error) {
    if (!(error instanceof UploadError) || error.network) throw error
    // Signed out, too many uploads or a server fault: the photo is fine, try again later.
    if (error.status === 401 || error.status === 429 || error.status >= 500) return { ok: false, message: error.message, retryLater: true }
    return { ok: false, message: error.message, fieldErrors: { photoIds: error.message } }
  }
  const result = await submitReportAction(toSubmission(current))
  return result.ok ? { ok: true, publicCode: result.data.publicCode, dueDate: result.data.dueDate } : result
}

/** Photos chosen while offline are uploaded now; throws UploadError(network) when still offline. */
export async function uploadPendingPhotos(draft: ReportDraft, onProgress: (draft: ReportDraft) => void = () => {}): Promise<ReportDraft> {
  let current = draft
  for (const [index, photo] of draft.photos.entries()) {
    if (photo.id || !photo.dataUrl) continue
    const blob = await (await fetch(photo.dataUrl)).blob()
    const uploaded = await uploadPhoto(blob, () => {})
    current = { ...current, photos: current.photos.map((p, i) => (i === index ? { id: uploaded.id, url: uploaded.url, name: photo.name } : p)) }
    onProgress(current)
  }
  return current
}
