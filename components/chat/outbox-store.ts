'use client'

/**
 * Chat outboxes on the device: messages not yet acknowledged by the server, photos and clips
 * included (as Blobs), in IndexedDB so they survive closing the app or reloading the console.
 * Each item carries its client id, the idempotency key the server uses for both the upload and
 * the message, so sending it again after a lost answer never doubles it. Where IndexedDB is
 * missing (a locked-down browser) an outbox lives in memory while the page is open.
 *
 * The citizen's outbox and the staff console's are separate databases: on a shared device
 * (a counter PC, a family tablet) one side never sends, shows or erases the other's items,
 * and a citizen's "erase my data" leaves a clerk's queued replies alone.
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

/** A staff reply, note, photo or clip waiting to go to one conversation. */
export type StaffOutboxItem = {
  clientId: string
  /** Whose console queued it: a colleague signing in on the same PC never sends it as theirs. */
  staffId: string
  conversationId: string
  kind: 'text' | 'note' | 'image' | 'video'
  body: string
  blob?: Blob
  attachmentId?: string
  createdAt: string
  /** The server's reason for refusing it (shown with "Riprova" and "Elimina"). */
  error?: string
}

type Keyed = { clientId: string; createdAt: string }

const STORE = 'outbox'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function createOutbox<T extends Keyed>(dbName: string, afterOpen?: (put: (item: T) => Promise<void>) => Promise<void>) {
  let opening: Promise<IDBDatabase | null> | null = null
  const memory = new Map<string, T>()

  async function put(db: IDBDatabase | null, item: T): Promise<void> {
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

  function open(): Promise<IDBDatabase | null> {
    opening ??= new Promise<IDBDatabase | null>((resolve) => {
      try {
        if (typeof indexedDB === 'undefined') return resolve(null)
        const req = indexedDB.open(dbName, 1)
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
      await afterOpen?.((item) => put(db, item))
      return db
    })
    return opening
  }

  return {
    async read(): Promise<T[]> {
      const db = await open()
      let stored: T[] = []
      if (db) {
        try {
          stored = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<T[]>)
        } catch {
          stored = []
        }
      }
      const byId = new Map(stored.map((item) => [item.clientId, item]))
      for (const item of memory.values()) byId.set(item.clientId, item)
      return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    },

    async save(item: T): Promise<void> {
      await put(await open(), item)
    },

    async remove(clientIds: readonly string[]): Promise<void> {
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
    },

    async forget(): Promise<void> {
      memory.clear()
      const db = await (opening ?? Promise.resolve(null))
      db?.close()
      opening = null
      if (typeof indexedDB === 'undefined') return
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(dbName)
        req.onsuccess = req.onerror = req.onblocked = () => resolve()
      })
    },
  }
}

/** Where the citizen's outbox lived before photos could wait in it (text and positions only). */
const LEGACY_KEY = 'filo-chat-outbox'

async function adoptLegacy(put: (item: OutboxItem) => Promise<void>): Promise<void> {
  let items: OutboxItem[] = []
  try {
    const raw = window.localStorage.getItem(LEGACY_KEY)
    items = raw ? (JSON.parse(raw) as OutboxItem[]) : []
  } catch {
    return
  }
  if (items.length === 0) return
  for (const item of items) await put(item)
  try {
    window.localStorage.removeItem(LEGACY_KEY)
  } catch {
    // left behind: adopted again next time, and the server recognises the client ids
  }
}

const citizenOutbox = createOutbox<OutboxItem>('filo-chat', adoptLegacy)
const staffOutbox = createOutbox<StaffOutboxItem>('filo-staff-chat')

export const readOutbox = citizenOutbox.read
export const saveOutboxItem = citizenOutbox.save
export const removeOutboxItems = citizenOutbox.remove

/** Deletes everything the citizen left waiting to be sent (they erased their data on this device). */
export async function forgetChatOutbox(): Promise<void> {
  try {
    window.localStorage.removeItem(LEGACY_KEY)
  } catch {}
  await citizenOutbox.forget()
}

/** What this staff member left waiting, oldest first (a colleague's items on the same PC stay theirs). */
export async function readStaffOutbox(staffId: string): Promise<StaffOutboxItem[]> {
  return (await staffOutbox.read()).filter((item) => item.staffId === staffId)
}
export const saveStaffOutboxItem = staffOutbox.save
export const removeStaffOutboxItems = staffOutbox.remove
