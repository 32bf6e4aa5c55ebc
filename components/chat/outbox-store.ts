'use client'

/**
 * The citizen's outbox on the device: messages not yet acknowledged by the server, photos and
 * clips included (as Blobs), in IndexedDB so they survive closing the app. Each item carries
 * its client id, the idempotency key the server uses for both the upload and the message, so
 * sending it again after a lost answer never doubles it. Where IndexedDB is missing
 * (a locked-down browser) the outbox lives in memory while the page is open.
 */

export type OutboxItem = {
  clientId: string
  kind: 'text' | 'location' | 'image' | 'video'
  body: string
  latitude?: number
  longitude?: number
  /** The photo or clip, until the upload succeeded. */
  blob?: Blob
  /** Set once the upload succeeded, so a retry only sends the message. */
  attachmentId?: string
  createdAt: string
  error?: string
}

const DB_NAME = 'filo-chat'
const STORE = 'outbox'
/** Where the outbox lived before photos could wait in it (text and positions only). */
const LEGACY_KEY = 'filo-chat-outbox'

let opening: Promise<IDBDatabase | null> | null = null
const memory = new Map<string, OutboxItem>()

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null)
      const req = indexedDB.open(DB_NAME, 1)
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'clientId' })
      }
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => resolve(null)
      req.onblocked = () => resolve(null)
    } catch {
      resolve(null)
    }
  }).then(async (db) => {
    await adoptLegacy(db)
    return db
  })
  return opening
}

async function adoptLegacy(db: IDBDatabase | null): Promise<void> {
  let items: OutboxItem[] = []
  try {
    const raw = window.localStorage.getItem(LEGACY_KEY)
    items = raw ? (JSON.parse(raw) as OutboxItem[]) : []
  } catch {
    return
  }
  if (items.length === 0) return
  for (const item of items) await put(db, item)
  try {
    window.localStorage.removeItem(LEGACY_KEY)
  } catch {
    // left behind: adopted again next time, and the server recognises the client ids
  }
}

async function put(db: IDBDatabase | null, item: OutboxItem): Promise<void> {
  if (db) {
    try {
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(item))
      memory.delete(item.clientId)
      return
    } catch {
      // storage full or refused: kept in memory while the page is open
    }
  }
  memory.set(item.clientId, item)
}

export async function readOutbox(): Promise<OutboxItem[]> {
  const db = await open()
  let stored: OutboxItem[] = []
  if (db) {
    try {
      stored = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<OutboxItem[]>)
    } catch {
      stored = []
    }
  }
  const byId = new Map(stored.map((item) => [item.clientId, item]))
  for (const item of memory.values()) byId.set(item.clientId, item)
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export async function saveOutboxItem(item: OutboxItem): Promise<void> {
  await put(await open(), item)
}

export async function removeOutboxItems(clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return
  for (const id of clientIds) memory.delete(id)
  const db = await open()
  if (!db) return
  try {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE)
    await Promise.all(clientIds.map((id) => request(store.delete(id))))
  } catch {
    // left behind: sent again later, and the server recognises the client ids
  }
}

/** Deletes everything waiting to be sent (the citizen erased their data on this device). */
export async function forgetChatOutbox(): Promise<void> {
  memory.clear()
  const db = await (opening ?? Promise.resolve(null))
  db?.close()
  opening = null
  try {
    window.localStorage.removeItem(LEGACY_KEY)
  } catch {}
  if (typeof indexedDB === 'undefined') return
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })
}
