'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChatMessageView } from '@/lib/chat/schemas'
import { MAX_MESSAGE_LENGTH } from '@/lib/chat/schemas'
import { MessageBubble, MessageMeta } from './message-bubble'
import { MessageBody } from './message-body'
import { readOutbox, removeOutboxItems, saveOutboxItem, type OutboxItem } from './outbox-store'
import { useLiveStream, type LiveEvent } from './use-live-stream'
import { FilePickButton } from './file-pick-button'
import { QueuedPhoto } from './queued-photo'

export type CitizenChatStrings = {
  heading: string
  intro: string
  placeholder: string
  messageLabel: string
  send: string
  photo: string
  video: string
  position: string
  sendPosition: string
  openMap: string
  sending: string
  sent: string
  read: string
  failed: string
  retry: string
  discard: string
  waiting: string
  you: string
  staff: string
  auto: string
  typing: string
  offline: string
  streamDown: string
  queue: string
  queueUnknown: string
  queueClosed: string
  noMessages: string
  positionDenied: string
  uploading: string
  videoTooLong: string
  videoTooBig: string
  throttled: string
}

type QueueInfo = { open: boolean; hoursText: string; waiting: boolean; position: number | null; estimatedMinutes: number | null }

function newClientId(): string {
  return crypto.randomUUID()
}

/**
 * The citizen's chat: messages live from the stream, a visible banner when it is down,
 * an outbox kept on the device (IndexedDB, see outbox-store) so a message, photo or clip
 * made offline waits "in attesa di connessione" and is sent once when the connection
 * returns, even after the app was closed; photos compressed on the device, short clips,
 * and "send my position".
 */
export function CitizenChat({
  strings: s,
  maxVideoSeconds,
  maxVideoMb,
}: {
  strings: CitizenChatStrings
  maxVideoSeconds: number
  maxVideoMb: number
}) {
  const [messages, setMessages] = useState<ChatMessageView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [readByStaff, setReadByStaff] = useState(0)
  const [outbox, setOutbox] = useState<OutboxItem[]>([])
  const [online, setOnline] = useState(true)
  const [uploadingId, setUploadingId] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [typing, setTyping] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [queue, setQueue] = useState<QueueInfo | null>(null)
  const maxSeq = useRef(0)
  const flushing = useRef(false)
  const again = useRef(false)
  const flushRef = useRef<() => Promise<void>>(async () => {})
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const lastTypingSent = useRef(0)
  const listEnd = useRef<HTMLDivElement>(null)

  const merge = useCallback((incoming: ChatMessageView[]) => {
    if (incoming.length === 0) return
    setMessages((current) => {
      const byId = new Map(current.map((m) => [m.id, m]))
      for (const m of incoming) byId.set(m.id, m)
      return [...byId.values()].sort((a, b) => a.seq - b.seq)
    })
    for (const m of incoming) maxSeq.current = Math.max(maxSeq.current, m.seq)
    const acknowledged = new Set(incoming.map((m) => m.clientId).filter((id): id is string => Boolean(id)))
    setOutbox((current) => current.filter((o) => !acknowledged.has(o.clientId)))
    void removeOutboxItems([...acknowledged])
  }, [])

  const markFailed = useCallback(async (item: OutboxItem, message: string) => {
    const failed = { ...item, error: message }
    await saveOutboxItem(failed)
    setOutbox((current) => current.map((o) => (o.clientId === item.clientId ? failed : o)))
  }, [])

  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible' || maxSeq.current === 0) return
    void fetch('/api/chat/read', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upTo: maxSeq.current }) }).catch(() => {})
  }, [])

  const fetchQueue = useCallback(async () => {
    try {
      const response = await fetch('/api/chat/queue', { cache: 'no-store' })
      if (response.ok) setQueue((await response.json()) as QueueInfo)
    } catch {
      // offline: keep the last figures
    }
  }, [])

  const fetchNew = useCallback(async () => {
    try {
      const response = await fetch(`/api/chat/messages?after=${maxSeq.current}`, { cache: 'no-store' })
      if (!response.ok) return
      const page = (await response.json()) as { messages: ChatMessageView[]; readByOther: number }
      merge(page.messages)
      setReadByStaff((r) => Math.max(r, page.readByOther))
      markRead()
    } catch {
      // offline: the stream's resume brings it later
    }
  }, [merge, markRead])

  /**
   * Sends what waits in the outbox, oldest first. A photo or clip is uploaded first (its
   * client id is the upload's idempotency key), then the message; an item leaves the outbox
   * once the server has it. A network failure stops the round: "in attesa di connessione".
   */
  const flush = useCallback(async () => {
    if (flushing.current) {
      // Asked again while busy (a new message): one more round when this one ends.
      again.current = true
      return
    }
    flushing.current = true
    again.current = false
    try {
      for (const queued of await readOutbox()) {
        let item = queued
        if (item.error) continue
        if ((item.kind === 'image' || item.kind === 'video') && !item.attachmentId) {
          if (!item.blob) {
            await markFailed(item, s.failed)
            continue
          }
          let upload: Response
          setUploadingId(item.clientId)
          try {
            upload = await fetch('/api/chat/attachments', {
              method: 'POST',
              body: item.blob,
              headers: { 'Content-Type': item.blob.type || 'application/octet-stream', 'Idempotency-Key': item.clientId },
            })
          } catch {
            setOnline(false)
            return // offline: try again when the connection returns
          } finally {
            setUploadingId(null)
          }
          setOnline(true)
          const result = (await upload.json().catch(() => ({}))) as { id?: string; message?: string }
          if (upload.status >= 500) return
          if (!upload.ok || !result.id) {
            await markFailed(item, result.message ?? s.failed)
            continue
          }
          // The file is on the server: a later retry sends only the message.
          item = { ...item, attachmentId: result.id, blob: undefined }
          await saveOutboxItem(item)
        }
        let response: Response
        try {
          response = await fetch('/api/chat/messages', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              clientId: item.clientId,
              kind: item.kind,
              body: item.body,
              latitude: item.latitude,
              longitude: item.longitude,
              attachmentId: item.attachmentId,
            }),
          })
        } catch {
          setOnline(false)
          return // offline: try again when the connection returns
        }
        setOnline(true)
        if (response.ok) {
          // The server has it (once, by its client id): the bubble stays until the message arrives.
          await removeOutboxItems([item.clientId])
          continue
        }
        const problem = (await response.json().catch(() => ({}))) as { message?: string }
        if (response.status === 429) {
          setNotice(problem.message ?? s.throttled)
          return
        }
        if (response.status >= 500) return
        await markFailed(item, problem.message ?? s.failed)
      }
      await fetchNew()
      void fetchQueue()
    } finally {
      flushing.current = false
      if (again.current) setTimeout(() => void flushRef.current(), 0)
    }
  }, [fetchNew, fetchQueue, markFailed, s.failed, s.throttled])

  useEffect(() => {
    flushRef.current = flush
  }, [flush])

  // First paint: the page, then the stream from the page's cursor; the outbox left from before.
  useEffect(() => {
    void (async () => {
      const waiting = await readOutbox()
      setOnline(navigator.onLine)
      setOutbox(waiting)
      try {
        const response = await fetch('/api/chat/messages', { cache: 'no-store' })
        if (!response.ok) return
        const page = (await response.json()) as { messages: ChatMessageView[]; cursor: number; readByOther: number }
        merge(page.messages)
        setReadByStaff(page.readByOther)
        setCursor(String(page.cursor))
        markRead()
      } catch {
        setCursor('0')
      }
      void flush()
      void fetchQueue()
    })()
    const online = () => {
      setOnline(true)
      void flush()
    }
    const offline = () => setOnline(false)
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    const timer = setInterval(() => {
      void flush()
      void fetchQueue()
    }, 15_000)
    const visible = () => markRead()
    document.addEventListener('visibilitychange', visible)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      document.removeEventListener('visibilitychange', visible)
      clearInterval(timer)
    }
  }, [merge, markRead, flush, fetchQueue])

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === 'message') void fetchNew()
      else if (event.type === 'read' && event.by === 'staff') setReadByStaff((r) => Math.max(r, Number(event.upTo ?? 0)))
      else if (event.type === 'typing') {
        setTyping(true)
        clearTimeout(typingTimer.current)
        typingTimer.current = setTimeout(() => setTyping(false), 4000)
      } else if (event.type === 'status') void fetchQueue()
      else if (event.type === 'reset') {
        maxSeq.current = 0
        void fetchNew()
      }
      if (event.type === 'message') setTyping(false)
    },
    [fetchNew, fetchQueue],
  )
  const { down } = useLiveStream(cursor === null ? null : '/api/chat/stream', cursor, onEvent, fetchNew)

  useEffect(() => {
    listEnd.current?.scrollIntoView({ block: 'end' })
  }, [messages.length, outbox.length])

  const enqueue = async (item: Omit<OutboxItem, 'clientId' | 'createdAt'>) => {
    const full: OutboxItem = { ...item, clientId: newClientId(), createdAt: new Date().toISOString() }
    await saveOutboxItem(full)
    setOutbox((current) => [...current, full])
    void flush()
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const body = draft.trim()
    if (!body) return
    setDraft('')
    void enqueue({ kind: 'text', body })
  }

  const onDraft = (value: string) => {
    setDraft(value)
    const now = Date.now()
    if (now - lastTypingSent.current > 3000 && value.trim()) {
      lastTypingSent.current = now
      void fetch('/api/chat/typing', { method: 'POST' }).catch(() => {})
    }
  }

  // Photos and clips are checked and made small here, then wait in the outbox like text.
  const sendPhoto = async (file: File) => {
    setNotice(null)
    try {
      await enqueue({ kind: 'image', body: '', blob: await compressImage(file) })
    } catch {
      setNotice(s.failed)
    }
  }

  const sendVideo = async (file: File) => {
    setNotice(null)
    if (file.size > maxVideoMb * 1024 * 1024) {
      setNotice(s.videoTooBig)
      return
    }
    const duration = await videoDuration(file).catch(() => null)
    if (duration !== null && duration > maxVideoSeconds + 0.5) {
      setNotice(s.videoTooLong)
      return
    }
    try {
      await enqueue({ kind: 'video', body: '', blob: file })
    } catch {
      setNotice(s.failed)
    }
  }

  const sendPosition = () => {
    setNotice(null)
    if (!('geolocation' in navigator)) {
      setNotice(s.positionDenied)
      return
    }
    navigator.geolocation.getCurrentPosition(
      (position) => void enqueue({ kind: 'location', body: '', latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => setNotice(s.positionDenied),
      { enableHighAccuracy: true, timeout: 15_000 },
    )
  }

  const retry = async (item: OutboxItem) => {
    const again = { ...item, error: undefined }
    await saveOutboxItem(again)
    setOutbox((current) => current.map((o) => (o.clientId === item.clientId ? again : o)))
    void flush()
  }

  const discard = async (item: OutboxItem) => {
    await removeOutboxItems([item.clientId])
    setOutbox((current) => current.filter((o) => o.clientId !== item.clientId))
  }

  const waitingText = !queue?.waiting
    ? null
    : !queue.open
      ? s.queueClosed
      : queue.position
      ? s.queue.replace('{position}', String(queue.position)).replace('{minutes}', String(queue.estimatedMinutes ?? '—'))
      : null

  return (
    <section aria-labelledby="chat-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="chat-heading" className="text-3xl font-bold leading-tight sm:text-4xl">
          {s.heading}
        </h1>
        <p className="mt-2 text-lg">{s.intro}</p>
        {queue ? (
          <p className="mt-2 font-semibold" data-testid="chat-hours">
            {queue.hoursText}
          </p>
        ) : null}
        {waitingText ? (
          <p className="mt-1" data-testid="chat-queue">
            {waitingText}
          </p>
        ) : null}
      </div>

      <div role="status" aria-live="polite" className="min-h-0">
        {down ? <p className="rounded-md border-2 border-warning bg-warning-light px-4 py-3 font-semibold text-warning">{s.streamDown}</p> : null}
      </div>

      <ol aria-label={s.heading} className="flex min-h-48 flex-col gap-3 rounded-md border border-line bg-surface p-3" aria-live="polite" aria-relevant="additions">
        {messages.length === 0 && outbox.length === 0 ? <li className="text-muted">{s.noMessages}</li> : null}
        {messages.map((m) => {
          const mine = m.author === 'citizen'
          const who = mine ? s.you : m.author === 'system' ? s.auto : `${m.staffName ?? ''} · ${s.staff}`
          const state = mine ? (m.seq <= readByStaff ? s.read : s.sent) : null
          return (
            <MessageBubble key={m.id} tone={mine ? 'mine' : 'theirs'} who={who} footer={<MessageMeta createdAt={m.createdAt} state={state} stateTestId="message-state" />}>
              <MessageBody message={m} labels={{ photo: s.photo, video: s.video, position: s.position, openMap: s.openMap }} />
            </MessageBubble>
          )
        })}
        {outbox.map((o) => (
          <MessageBubble
            key={o.clientId}
            tone="mine"
            who={s.you}
            footer={
              <p data-testid="message-state">
                {o.error ? (
                  <>
                    <span className="text-danger">{o.error}</span>{' '}
                    <button type="button" onClick={() => void retry(o)} className="min-h-11 underline">
                      {s.retry}
                    </button>{' '}
                    <button type="button" onClick={() => void discard(o)} className="min-h-11 underline">
                      {s.discard}
                    </button>
                  </>
                ) : uploadingId === o.clientId ? (
                  s.uploading
                ) : online ? (
                  s.sending
                ) : (
                  s.waiting
                )}
              </p>
            }
          >
            {o.kind === 'image' && o.blob ? <QueuedPhoto blob={o.blob} alt={s.photo} /> : null}
            <p className="whitespace-pre-wrap break-words">
              {o.kind === 'text' ? o.body : o.kind === 'location' ? `📍 ${s.position}` : o.kind === 'image' ? `📷 ${s.photo}` : `🎬 ${s.video}`}
            </p>
          </MessageBubble>
        ))}
        <li aria-hidden="true" ref={listEnd as unknown as React.Ref<HTMLLIElement>} className="list-none" />
      </ol>
      <p aria-live="polite" className="min-h-6 text-muted">
        {typing ? s.typing : ''}
      </p>
      {notice ? (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-light px-4 py-3 text-danger">
          {notice}
        </p>
      ) : null}

      <form onSubmit={submit} className="flex flex-col gap-3">
        <label htmlFor="chat-message" className="font-semibold">
          {s.messageLabel}
        </label>
        <textarea
          id="chat-message"
          value={draft}
          onChange={(e) => onDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e)
          }}
          maxLength={MAX_MESSAGE_LENGTH}
          rows={3}
          placeholder={s.placeholder}
          className="w-full rounded-md border-2 border-muted px-3 py-2 text-lg"
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="min-h-11 rounded-md bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
            {s.send}
          </button>
          <FilePickButton accept="image/*" onFile={(file) => void sendPhoto(file)}>
            📷 {s.photo}
          </FilePickButton>
          <FilePickButton accept="video/mp4,video/webm,video/quicktime" onFile={(file) => void sendVideo(file)}>
            🎬 {s.video}
          </FilePickButton>
          <button type="button" onClick={sendPosition} className="min-h-11 rounded-md border-2 border-primary px-4 py-2 font-semibold text-primary">
            📍 {s.sendPosition}
          </button>
        </div>
      </form>
    </section>
  )
}

/** A photo made small on the phone before upload: at most 1600 px, JPEG. The server re-encodes it again. */
async function compressImage(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
    return blob ?? file
  } catch {
    return file
  }
}

function videoDuration(file: File): Promise<number> {
  return new Promise((resolve, reject) => {
    const video = document.createElement('video')
    video.preload = 'metadata'
    const url = URL.createObjectURL(file)
    video.onloadedmetadata = () => {
      URL.revokeObjectURL(url)
      resolve(video.duration)
    }
    video.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('no metadata'))
    }
    video.src = url
  })
}
