'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChatMessageView } from '@/lib/chat/schemas'
import { MAX_MESSAGE_LENGTH } from '@/lib/chat/schemas'
import { MessageBody } from './message-body'
import { useLiveStream, type LiveEvent } from './use-live-stream'

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
  you: string
  staff: string
  auto: string
  typing: string
  offline: string
  streamDown: string
  queue: string
  queueUnknown: string
  noMessages: string
  positionDenied: string
  uploading: string
  videoTooLong: string
  videoTooBig: string
  throttled: string
}

type Outgoing = {
  clientId: string
  kind: 'text' | 'location' | 'image' | 'video'
  body: string
  latitude?: number
  longitude?: number
  attachmentId?: string
  createdAt: string
  error?: string
}

type QueueInfo = { open: boolean; hoursText: string; waiting: boolean; position: number | null; estimatedMinutes: number | null }

const OUTBOX_KEY = 'filo-chat-outbox'

function loadOutbox(): Outgoing[] {
  try {
    const raw = window.localStorage.getItem(OUTBOX_KEY)
    return raw ? (JSON.parse(raw) as Outgoing[]) : []
  } catch {
    return []
  }
}
function saveOutbox(items: Outgoing[]) {
  try {
    window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(items))
  } catch {
    // storage full or disabled: the message stays in memory while the page is open
  }
}
function newClientId(): string {
  return crypto.randomUUID()
}
const timeFormat = new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' })

/**
 * The citizen's chat: messages live from the stream, a visible banner when it is down,
 * an outbox kept on the device so a message written offline is sent once when the
 * connection returns, photos compressed on the device, short clips, and "send my position".
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
  const [outbox, setOutbox] = useState<Outgoing[]>([])
  const [draft, setDraft] = useState('')
  const [typing, setTyping] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [queue, setQueue] = useState<QueueInfo | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
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
    const acknowledged = new Set(incoming.map((m) => m.clientId).filter(Boolean))
    setOutbox((current) => {
      const left = current.filter((o) => !acknowledged.has(o.clientId))
      if (left.length !== current.length) saveOutbox(left)
      return left
    })
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

  const flush = useCallback(async () => {
    if (flushing.current) {
      // Asked again while busy (a new message): one more round when this one ends.
      again.current = true
      return
    }
    flushing.current = true
    again.current = false
    try {
      for (const item of loadOutbox()) {
        if (item.error) continue
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
          return // offline: try again when the connection returns
        }
        if (response.ok) continue
        const problem = (await response.json().catch(() => ({}))) as { message?: string }
        if (response.status === 429) {
          setNotice(problem.message ?? s.throttled)
          return
        }
        if (response.status >= 500) return
        const next = loadOutbox().map((o) => (o.clientId === item.clientId ? { ...o, error: problem.message ?? s.failed } : o))
        saveOutbox(next)
        setOutbox(next)
      }
      await fetchNew()
      void fetchQueue()
    } finally {
      flushing.current = false
      if (again.current) setTimeout(() => void flushRef.current(), 0)
    }
  }, [fetchNew, fetchQueue, s.failed, s.throttled])

  useEffect(() => {
    flushRef.current = flush
  }, [flush])

  // First paint: the page, then the stream from the page's cursor; the outbox left from before.
  useEffect(() => {
    void (async () => {
      await Promise.resolve()
      setOutbox(loadOutbox())
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
    const online = () => void flush()
    window.addEventListener('online', online)
    const timer = setInterval(() => {
      void flush()
      void fetchQueue()
    }, 15_000)
    const visible = () => markRead()
    document.addEventListener('visibilitychange', visible)
    return () => {
      window.removeEventListener('online', online)
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

  const enqueue = (item: Omit<Outgoing, 'clientId' | 'createdAt'>) => {
    const full: Outgoing = { ...item, clientId: newClientId(), createdAt: new Date().toISOString() }
    const next = [...loadOutbox(), full]
    saveOutbox(next)
    setOutbox(next)
    void flush()
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const body = draft.trim()
    if (!body) return
    setDraft('')
    enqueue({ kind: 'text', body })
  }

  const onDraft = (value: string) => {
    setDraft(value)
    const now = Date.now()
    if (now - lastTypingSent.current > 3000 && value.trim()) {
      lastTypingSent.current = now
      void fetch('/api/chat/typing', { method: 'POST' }).catch(() => {})
    }
  }

  const upload = async (blob: Blob): Promise<string | null> => {
    const response = await fetch('/api/chat/attachments', { method: 'POST', body: blob, headers: { 'Content-Type': blob.type || 'application/octet-stream' } })
    const result = (await response.json().catch(() => ({}))) as { id?: string; message?: string }
    if (!response.ok || !result.id) {
      setNotice(result.message ?? s.failed)
      return null
    }
    return result.id
  }

  const sendPhoto = async (file: File) => {
    setBusy(s.uploading)
    setNotice(null)
    try {
      const compressed = await compressImage(file)
      const id = await upload(compressed)
      if (id) enqueue({ kind: 'image', body: '', attachmentId: id })
    } catch {
      setNotice(s.failed)
    } finally {
      setBusy(null)
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
    setBusy(s.uploading)
    try {
      const id = await upload(file)
      if (id) enqueue({ kind: 'video', body: '', attachmentId: id })
    } catch {
      setNotice(s.failed)
    } finally {
      setBusy(null)
    }
  }

  const sendPosition = () => {
    setNotice(null)
    if (!('geolocation' in navigator)) {
      setNotice(s.positionDenied)
      return
    }
    navigator.geolocation.getCurrentPosition(
      (position) => enqueue({ kind: 'location', body: '', latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => setNotice(s.positionDenied),
      { enableHighAccuracy: true, timeout: 15_000 },
    )
  }

  const retry = (clientId: string) => {
    const next = loadOutbox().map((o) => (o.clientId === clientId ? { ...o, error: undefined } : o))
    saveOutbox(next)
    setOutbox(next)
    void flush()
  }

  const waitingText =
    queue?.waiting && queue.position
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
            <li key={m.id} className={`max-w-[85%] rounded-lg px-3 py-2 ${mine ? 'self-end bg-primary-light' : 'self-start border border-line bg-white'}`}>
              <p className="text-sm font-semibold text-muted">{who}</p>
              <MessageBody message={m} labels={{ photo: s.photo, video: s.video, position: s.position, openMap: s.openMap }} />
              <p className="mt-1 text-right text-sm text-muted">
                <time dateTime={m.createdAt}>{timeFormat.format(new Date(m.createdAt))}</time>
                {state ? <span data-testid="message-state"> · {state}</span> : null}
              </p>
            </li>
          )
        })}
        {outbox.map((o) => (
          <li key={o.clientId} className="max-w-[85%] self-end rounded-lg bg-primary-light px-3 py-2 opacity-90">
            <p className="text-sm font-semibold text-muted">{s.you}</p>
            <p className="whitespace-pre-wrap break-words">{o.kind === 'text' ? o.body : o.kind === 'location' ? `📍 ${s.position}` : o.kind === 'image' ? `📷 ${s.photo}` : `🎬 ${s.video}`}</p>
            <p className="mt-1 text-right text-sm text-muted" data-testid="message-state">
              {o.error ? (
                <>
                  <span className="text-danger">{o.error}</span>{' '}
                  <button type="button" onClick={() => retry(o.clientId)} className="min-h-11 underline">
                    {s.retry}
                  </button>
                </>
              ) : (
                s.sending
              )}
            </p>
          </li>
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
      {busy ? <p role="status">{busy}</p> : null}

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
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border-2 border-primary px-4 py-2 font-semibold text-primary focus-within:outline focus-within:outline-3">
            📷 {s.photo}
            <input
              type="file"
              accept="image/*"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) void sendPhoto(file)
              }}
            />
          </label>
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border-2 border-primary px-4 py-2 font-semibold text-primary focus-within:outline focus-within:outline-3">
            🎬 {s.video}
            <input
              type="file"
              accept="video/mp4,video/webm,video/quicktime"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) void sendVideo(file)
              }}
            />
          </label>
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
