/** The report a citizen is writing, kept on the device ("Salva bozza", offline sending). */
export type DraftPhoto = { id?: string; url?: string; dataUrl?: string; name: string }

export type ReportDraft = {
  key: string
  step: number
  privacy: boolean
  lat?: number
  lon?: number
  address: string
  placeLabel: string
  categoryId: string
  answers: Record<string, string>
  title: string
  description: string
  contactName: string
  contactEmail: string
  contactPhone: string
  photos: DraftPhoto[]
  /** The privacy notice version the citizen accepted in this draft. */
  privacyVersion?: string
  /** Accepted without a connection: the server is told before the draft is sent. */
  privacyPending?: boolean
  /** The server refused the report when the outbox sent it: kept until the citizen corrects or deletes it. */
  refused?: { message: string; fieldErrors?: Record<string, string> }
}

/** Fired on the window whenever the outbox changes in this tab (the storage event covers other tabs). */
export const OUTBOX_EVENT = 'filo:report-outbox'

const DRAFT_KEY = 'filo-report-draft'
const OUTBOX_KEY = 'filo-report-outbox'

export function newDraft(): ReportDraft {
  return {
    key: crypto.randomUUID(),
    step: 0,
    privacy: false,
    address: '',
    placeLabel: '',
    categoryId: '',
    answers: {},
    title: '',
    description: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    photos: [],
  }
}

export function loadDraft(): ReportDraft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY)
    return raw ? ({ ...newDraft(), ...(JSON.parse(raw) as Partial<ReportDraft>) } as ReportDraft) : null
  } catch {
    return null
  }
}

export function saveDraft(draft: ReportDraft): boolean {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft))
    return true
  } catch {
    return false
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY)
  } catch {}
}

export function loadOutbox(): ReportDraft[] {
  try {
    const raw = localStorage.getItem(OUTBOX_KEY)
    return raw ? (JSON.parse(raw) as ReportDraft[]) : []
  } catch {
    return []
  }
}

export function saveOutbox(items: ReportDraft[]): void {
  try {
    if (items.length) localStorage.setItem(OUTBOX_KEY, JSON.stringify(items))
    else localStorage.removeItem(OUTBOX_KEY)
  } catch {}
  window.dispatchEvent(new Event(OUTBOX_EVENT))
}

/** Puts (or replaces, by key) a report in the outbox. */
export function putInOutbox(item: ReportDraft): void {
  const items = loadOutbox()
  const at = items.findIndex((d) => d.key === item.key)
  saveOutbox(at === -1 ? [...items, item] : items.map((d, i) => (i === at ? item : d)))
}

export function removeFromOutbox(key: string): void {
  saveOutbox(loadOutbox().filter((d) => d.key !== key))
}

/** True when the draft holds something the citizen wrote or chose (worth not overwriting). */
export function draftHasContent(draft: ReportDraft | null): boolean {
  return Boolean(draft && (draft.lat !== undefined || draft.title.trim() || draft.description.trim() || draft.photos.length || draft.categoryId))
}

/** What the server needs from a draft whose photos are all uploaded. */
export function toSubmission(draft: ReportDraft) {
  return {
    categoryId: draft.categoryId,
    title: draft.title,
    description: draft.description,
    latitude: draft.lat,
    longitude: draft.lon,
    address: draft.address || undefined,
    answers: draft.answers,
    contactName: draft.contactName || undefined,
    contactEmail: draft.contactEmail || undefined,
    contactPhone: draft.contactPhone || undefined,
    photoIds: draft.photos.map((p) => p.id).filter((id): id is string => Boolean(id)),
    idempotencyKey: draft.key,
  }
}

/** True when the failure is the network's (offline, dropped), not the server's answer. */
export function isNetworkError(error: unknown): boolean {
  return (typeof navigator !== 'undefined' && !navigator.onLine) || error instanceof TypeError
}
