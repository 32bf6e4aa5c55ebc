'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react'
import { inboxViewLabels, inboxViews, type ChatMessageView, type InboxItem, type InboxView, type MentionItem } from '@/lib/chat/schemas'
import { MessageBubble, MessageMeta } from './message-bubble'
import { MessageBody } from './message-body'
import { useLiveStream, type LiveEvent } from './use-live-stream'
import { FilePickButton } from './file-pick-button'
import { readStaffOutbox, removeStaffOutboxItems, saveStaffOutboxItem, type StaffOutboxItem } from './outbox-store'
import { QueuedPhoto } from './queued-photo'

type Counts = { views: Record<InboxView, number>; unread: number; escalated: number }
type Directory = { colleagues: Array<{ id: string; name: string; officeId: number | null; online: boolean }>; offices: Array<{ id: number; name: string }> }
type Preferences = { soundEnabled: boolean; badgeEnabled: boolean; maxOpenChats: number }
type Activity = { since: string; locale: string; topics: string[]; reports: Array<{ id: string; publicCode: string; title: string; status: string }> } | null
type FormResult = { ok: boolean; message: string }
/**
 * A reply, note, photo or clip on its way, kept in the staff outbox on this device (IndexedDB)
 * until the server has it. `offline`: the network failed, it goes again by itself when the
 * connection returns (same clientId for upload and message, so the server keeps one);
 * `error`: the server refused it, with its reason.
 */
type Pending = StaffOutboxItem & { offline?: boolean }
type PostOutcome = 'sent' | 'waiting' | 'refused'

const timeFormat = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' })
type Mentions = { items: MentionItem[]; total: number }
const statusLabels = { open: 'Aperta', pending: 'In attesa di apertura', snoozed: 'Posticipata', resolved: 'Risolta' } as const

function beep() {
  try {
    const context = new AudioContext()
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = 880
    gain.gain.value = 0.08
    oscillator.connect(gain).connect(context.destination)
    oscillator.start()
    oscillator.stop(context.currentTime + 0.18)
  } catch {
    // no audio on this device
  }
}

/**
 * The team console: inbox views with live counts, the open conversation with replies, private
 * notes (@mentions), canned replies after "/", attachments, typing and read receipts, and the
 * citizen's other activity. One column on a phone, three on a desk.
 */
export function StaffConsole({
  me,
  view,
  officeFilter,
  conversationId,
  directory,
  canned,
  preferences: initialPreferences,
  activity,
  assignAction,
  statusAction,
  preferencesAction,
}: {
  me: { id: string; name: string }
  view: InboxView
  officeFilter: number | null
  conversationId: string | null
  directory: Directory
  canned: Array<{ shortcut: string; body: string }>
  preferences: Preferences
  activity: Activity
  assignAction: (conversationId: string, target: string) => Promise<FormResult>
  statusAction: (conversationId: string, change: 'resolve' | 'reopen' | 'snooze', until?: string) => Promise<FormResult>
  preferencesAction: (input: Preferences) => Promise<FormResult>
}) {
  const router = useRouter()
  const [items, setItems] = useState<InboxItem[]>([])
  const [counts, setCounts] = useState<Counts | null>(null)
  const [mentions, setMentions] = useState<Mentions>({ items: [], total: 0 })
  const [current, setCurrent] = useState<InboxItem | null>(null)
  const [messages, setMessages] = useState<ChatMessageView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [readByCitizen, setReadByCitizen] = useState(0)
  const [pending, setPending] = useState<Pending[]>([])
  const [draft, setDraft] = useState('')
  const [mode, setMode] = useState<'text' | 'note'>('text')
  const [typing, setTyping] = useState(false)
  const [feedback, setFeedback] = useState<{ ok: boolean; message: string } | null>(null)
  const [preferences, setPreferences] = useState(initialPreferences)
  const [assignTarget, setAssignTarget] = useState('round-robin')
  const [snoozeUntil, setSnoozeUntil] = useState('')
  const [cannedIndex, setCannedIndex] = useState(0)
  const [isPending, startTransition] = useTransition()
  const maxSeq = useRef(0)
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const lastTyping = useRef(0)
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const prefs = useRef(preferences)
  useEffect(() => {
    prefs.current = preferences
  }, [preferences])

  const viewHref = (v: InboxView, c?: string | null) => {
    const params = new URLSearchParams({ vista: v })
    if (officeFilter !== null && v === 'office') params.set('ufficio', String(officeFilter))
    if (c) params.set('c', c)
    return `/admin/chat?${params}`
  }

  const loadInbox = useCallback(async (): Promise<number | null> => {
    const params = new URLSearchParams({ view })
    if (officeFilter !== null) params.set('office', String(officeFilter))
    const response = await fetch(`/api/chat/staff/inbox?${params}`, { cache: 'no-store' }).catch(() => null)
    if (!response?.ok) return null
    const data = (await response.json()) as { items: InboxItem[]; counts: Counts; mentions: Mentions; cursor: number }
    setItems(data.items)
    setCounts(data.counts)
    setMentions(data.mentions)
    if (conversationId) {
      const found = data.items.find((i) => i.id === conversationId)
      if (found) setCurrent(found)
      else {
        const single = await fetch(`/api/chat/staff/inbox?view=${view}&conversation=${conversationId}`, { cache: 'no-store' }).catch(() => null)
        if (single?.ok) setCurrent(((await single.json()) as { items: InboxItem[] }).items[0] ?? null)
      }
    }
    return data.cursor
  }, [view, officeFilter, conversationId])

  const markRead = useCallback(() => {
    if (!conversationId || document.visibilityState !== 'visible' || maxSeq.current === 0) return
    void fetch(`/api/chat/staff/conversations/${conversationId}/read`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upTo: maxSeq.current }),
    }).catch(() => {})
  }, [conversationId])

  const merge = useCallback((incoming: ChatMessageView[]) => {
    if (incoming.length === 0) return
    setMessages((old) => {
      const byId = new Map(old.map((m) => [m.id, m]))
      for (const m of incoming) byId.set(m.id, m)
      return [...byId.values()].sort((a, b) => a.seq - b.seq)
    })
    for (const m of incoming) maxSeq.current = Math.max(maxSeq.current, m.seq)
    const done = new Set(incoming.map((m) => m.clientId).filter((id): id is string => Boolean(id)))
    setPending((p) => p.filter((x) => !done.has(x.clientId)))
    void removeStaffOutboxItems([...done])
  }, [])

  const fetchNew = useCallback(async () => {
    if (!conversationId) return
    const response = await fetch(`/api/chat/staff/conversations/${conversationId}/messages?after=${maxSeq.current}`, { cache: 'no-store' }).catch(() => null)
    if (!response?.ok) return
    const page = (await response.json()) as { messages: ChatMessageView[]; readByOther: number }
    merge(page.messages)
    setReadByCitizen((r) => Math.max(r, page.readByOther))
    markRead()
  }, [conversationId, merge, markRead])

  // The page, then the stream from its cursor (inbox channel from now, conversation from the page).
  useEffect(() => {
    let cancelled = false
    // The page keys this component by view and conversation: it starts empty for each.
    void (async () => {
      const inboxSeq = (await loadInbox()) ?? 0
      if (!conversationId) {
        if (!cancelled) setCursor(String(inboxSeq))
        return
      }
      const response = await fetch(`/api/chat/staff/conversations/${conversationId}/messages`, { cache: 'no-store' }).catch(() => null)
      if (!response?.ok || cancelled) return
      const page = (await response.json()) as { messages: ChatMessageView[]; cursor: number; readByOther: number }
      merge(page.messages)
      setReadByCitizen(page.readByOther)
      setCursor(`${inboxSeq}.${page.cursor}`)
      markRead()
    })()
    return () => {
      cancelled = true
    }
  }, [conversationId, loadInbox, merge, markRead])

  const refreshInbox = useCallback(() => {
    clearTimeout(refreshTimer.current)
    refreshTimer.current = setTimeout(() => void loadInbox(), 250)
  }, [loadInbox])

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.channel === 'chat-inbox') {
        refreshInbox()
        const mentioned = event.reason === 'note' && Array.isArray(event.mentioned) && (event.mentioned as string[]).includes(me.id)
        if ((event.reason === 'new' || event.reason === 'escalated' || mentioned) && prefs.current.soundEnabled) beep()
        if (mentioned) setFeedback({ ok: true, message: 'Ti hanno menzionato in una nota.' })
        return
      }
      if (event.type === 'message') {
        setTyping(false)
        void fetchNew()
      } else if (event.type === 'read' && event.by === 'citizen') setReadByCitizen((r) => Math.max(r, Number(event.upTo ?? 0)))
      else if (event.type === 'typing' && event.by === 'citizen') {
        setTyping(true)
        clearTimeout(typingTimer.current)
        typingTimer.current = setTimeout(() => setTyping(false), 4000)
      } else if (event.type === 'reset') {
        maxSeq.current = 0
        void fetchNew()
      }
    },
    [fetchNew, refreshInbox, me.id],
  )

  const streamUrl = cursor === null ? null : conversationId ? `/api/chat/staff/stream?conversation=${conversationId}` : '/api/chat/staff/stream'
  // Streams from the snapshots' positions: "inbox.conversation".
  const { down } = useLiveStream(streamUrl, cursor, onEvent, fetchNew)

  // Tab badge with the chats waiting to be read.
  useEffect(() => {
    const base = 'Chat · Filo'
    document.title = preferences.badgeEnabled && counts && counts.unread > 0 ? `(${counts.unread}) ${base}` : base
  }, [counts, preferences.badgeEnabled])

  const matches = useMemo(() => {
    if (!draft.startsWith('/')) return []
    const typed = draft.slice(1).toLowerCase()
    return canned.filter((c) => c.shortcut.toLowerCase().startsWith(typed)).slice(0, 8)
  }, [draft, canned])

  const insertCanned = (body: string) => {
    setDraft(body)
    setCannedIndex(0)
  }

  /**
   * Sends one outbox item: a photo or clip is uploaded first (its clientId is the upload's
   * idempotency key), then the message. A network failure (or a server that is down) leaves it
   * waiting for the next round; a refusal keeps the server's reason on screen and on the device.
   */
  const post = useCallback(
    async (queued: Pending): Promise<PostOutcome> => {
      const { offline: _offline, error: earlierError, ...rest } = queued
      let item: StaffOutboxItem = rest
      const mark = (change: Partial<Pending>) => setPending((p) => p.map((x) => (x.clientId === item.clientId ? { ...x, error: undefined, offline: undefined, ...change } : x)))
      const wait = (): PostOutcome => {
        mark({ offline: true })
        return 'waiting'
      }
      const refuse = async (message: string): Promise<PostOutcome> => {
        await saveStaffOutboxItem({ ...item, error: message })
        mark({ error: message })
        return 'refused'
      }
      mark({})
      if (earlierError) await saveStaffOutboxItem(item)
      if ((item.kind === 'image' || item.kind === 'video') && !item.attachmentId) {
        if (!item.blob) return refuse('Il file non è più su questo dispositivo: sceglilo di nuovo.')
        let upload: Response
        try {
          upload = await fetch(`/api/chat/attachments?conversation=${item.conversationId}`, {
            method: 'POST',
            body: item.blob,
            headers: { 'Content-Type': item.blob.type || 'application/octet-stream', 'Idempotency-Key': item.clientId },
          })
        } catch {
          return wait()
        }
        if (upload.status >= 500) return wait()
        const result = (await upload.json().catch(() => ({}))) as { id?: string; contentType?: string; message?: string }
        if (!upload.ok || !result.id) return refuse(result.message ?? 'Caricamento non riuscito.')
        // The file is on the server: a later round sends only the message (the preview stays on screen).
        item = { ...item, kind: result.contentType?.startsWith('video/') ? 'video' : 'image', attachmentId: result.id, blob: undefined }
        await saveStaffOutboxItem(item)
        const uploaded = item
        setPending((p) => p.map((x) => (x.clientId === uploaded.clientId ? { ...x, kind: uploaded.kind, attachmentId: uploaded.attachmentId } : x)))
      }
      let response: Response
      try {
        response = await fetch(`/api/chat/staff/conversations/${item.conversationId}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ clientId: item.clientId, kind: item.kind, body: item.body, attachmentId: item.attachmentId }),
        })
      } catch {
        return wait()
      }
      if (response.status >= 500) return wait()
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { message?: string }
        return refuse(problem.message ?? 'Invio non riuscito.')
      }
      // The server has it (once, by its clientId): the bubble stays until the message arrives.
      await removeStaffOutboxItems([item.clientId])
      if (item.conversationId === conversationId) await fetchNew()
      else setPending((p) => p.filter((x) => x.clientId !== item.clientId))
      refreshInbox()
      return 'sent'
    },
    [conversationId, fetchNew, refreshInbox],
  )

  // What could not leave for lack of network goes again by itself as soon as the network is back
  // (and every few seconds meanwhile, since 'online' is not always announced), oldest first.
  const pendingRef = useRef(pending)
  useEffect(() => {
    pendingRef.current = pending
  }, [pending])
  const flushing = useRef(false)
  const flush = useCallback(
    async (items?: Pending[]) => {
      if (flushing.current || !navigator.onLine) return
      flushing.current = true
      try {
        for (const item of items ?? pendingRef.current) {
          if (item.offline && (await post(item)) === 'waiting') break
        }
      } finally {
        flushing.current = false
      }
    },
    [post],
  )
  useEffect(() => {
    const retry = () => void flush()
    window.addEventListener('online', retry)
    const timer = window.setInterval(() => {
      if (pendingRef.current.some((x) => x.offline)) retry()
    }, 5000)
    return () => {
      window.removeEventListener('online', retry)
      window.clearInterval(timer)
    }
  }, [flush])

  // What this staff member left waiting on this device (a reload, a closed tab) is shown and sent.
  useEffect(() => {
    let live = true
    void readStaffOutbox(me.id).then((stored) => {
      if (!live || stored.length === 0) return
      const loaded: Pending[] = stored.map((item) => (item.error ? item : { ...item, offline: true }))
      setPending((p) => {
        const known = new Set(p.map((x) => x.clientId))
        return [...p, ...loaded.filter((x) => !known.has(x.clientId))]
      })
      void flush(loaded)
    })
    return () => {
      live = false
    }
    // Once per mount: the page keys the console by view and conversation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const enqueue = async (item: StaffOutboxItem) => {
    setPending((p) => [...p, item])
    await saveStaffOutboxItem(item)
    await post(item)
  }

  const send = (event?: React.FormEvent) => {
    event?.preventDefault()
    const body = draft.trim()
    if (!body || !conversationId) return
    if (matches.length > 0 && draft.startsWith('/')) {
      insertCanned(matches[Math.min(cannedIndex, matches.length - 1)]!.body)
      return
    }
    setDraft('')
    void enqueue({ clientId: crypto.randomUUID(), staffId: me.id, conversationId, kind: mode, body, createdAt: new Date().toISOString() })
  }

  const discard = async (item: Pending) => {
    setPending((all) => all.filter((x) => x.clientId !== item.clientId))
    await removeStaffOutboxItems([item.clientId])
  }

  const onDraft = (value: string) => {
    setDraft(value)
    setCannedIndex(0)
    const now = Date.now()
    if (conversationId && mode === 'text' && value.trim() && !value.startsWith('/') && now - lastTyping.current > 3000) {
      lastTyping.current = now
      void fetch(`/api/chat/staff/conversations/${conversationId}/typing`, { method: 'POST' }).catch(() => {})
    }
  }

  // The server checks type and size; until then the file waits in the outbox like a reply.
  const attach = async (file: File) => {
    if (!conversationId) return
    setFeedback(null)
    const kind = file.type.startsWith('video/') ? 'video' : 'image'
    await enqueue({ clientId: crypto.randomUUID(), staffId: me.id, conversationId, kind, body: '', blob: file, createdAt: new Date().toISOString() })
  }

  const putAwayMentions = async () => {
    const ids = mentions.items.map((m) => m.id)
    if (ids.length === 0) return
    const response = await fetch('/api/chat/staff/mentions/read', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids }),
    }).catch(() => null)
    if (!response?.ok) {
      setFeedback({ ok: false, message: 'Non è stato possibile segnare le menzioni come lette: riprova.' })
      return
    }
    await loadInbox()
  }

  const run = (action: () => Promise<FormResult>) =>
    startTransition(async () => {
      const result = await action()
      setFeedback({ ok: result.ok, message: result.message })
      if (result.ok) {
        router.refresh()
      }
    })

  const labels = { photo: 'Foto', video: 'Video', position: 'Posizione inviata dal cittadino', openMap: 'Apri sulla mappa' }
  const showList = !conversationId

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold sm:text-3xl">Chat con i cittadini</h1>
        <Link href="/admin/chat/cifre" className="inline-flex min-h-11 items-center text-primary underline">
          Cifre della chat
        </Link>
      </div>
      <div role="status" aria-live="polite">
        {down ? <p className="rounded-md border-2 border-warning bg-warning-light px-4 py-3 font-semibold text-warning">Connessione in tempo reale persa: riprovo… Le novità arriveranno appena torna.</p> : null}
        {feedback ? <p className={`rounded-md px-4 py-2 ${feedback.ok ? 'bg-success-light text-success' : 'bg-danger-light text-danger'}`}>{feedback.message}</p> : null}
      </div>

      <nav aria-label="Viste della chat">
        {/* Wrapped, not scrolled: a sideways-scrolling row hid "Posticipate" and the rest off screen with no cue. */}
        <ul className="flex flex-wrap gap-1">
          {inboxViews.map((v) => (
            <li key={v} className="shrink-0">
              <Link
                href={viewHref(v)}
                aria-current={v === view ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 font-semibold no-underline ${v === view ? 'border-primary bg-primary text-white' : 'border-line bg-white text-ink'}`}
              >
                {inboxViewLabels[v]}
                {counts ? <span className="ml-1">({counts.views[v]})</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {mentions.total > 0 ? (
        <section aria-labelledby="mentions-heading" className="rounded-md border-2 border-warning bg-warning-light p-3">
          <h2 id="mentions-heading" className="text-lg font-bold">
            Menzioni per te ({mentions.total})
          </h2>
          <ul className="mt-1 flex flex-col gap-2">
            {mentions.items.map((m) => (
              <li key={m.id}>
                <span className="font-semibold">{m.authorName}</span> in{' '}
                {m.canOpen ? (
                  <Link href={viewHref(view, m.conversationId)} className="font-semibold text-ink underline">
                    {m.citizenLabel}
                  </Link>
                ) : (
                  <span>
                    {m.citizenLabel} <span className="text-muted">(di un altro ufficio: chiedi a chi ti ha scritto)</span>
                  </span>
                )}{' '}
                · <time dateTime={m.createdAt}>{timeFormat.format(new Date(m.createdAt))}</time>
                <span className="block break-words">“{m.excerpt}”</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void putAwayMentions()} className="mt-2 min-h-11 rounded-md border-2 border-ink bg-white px-4 font-semibold text-ink">
            Segna come lette
          </button>
        </section>
      ) : null}
      {counts && counts.escalated > 0 && view !== 'unassigned' ? (
        <p className="rounded-md border-2 border-danger bg-danger-light px-4 py-2 text-danger">
          <strong>{counts.escalated === 1 ? '1 chat aspetta da troppo tempo' : `${counts.escalated} chat aspettano da troppo tempo`}</strong>{' '}
          {counts.escalated === 1 ? 'senza nessuno che la segua.' : 'senza nessuno che le segua.'}{' '}
          <Link href={viewHref('unassigned')} className="font-semibold text-danger underline">
            Vedi le non assegnate
          </Link>
        </p>
      ) : null}
      {view === 'office' ? (
        <form action="/admin/chat" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="vista" value="office" />
          <label className="flex flex-col">
            <span className="font-semibold">Ufficio</span>
            <select name="ufficio" defaultValue={officeFilter ?? ''} className="min-h-11 rounded-md border-2 border-muted px-2">
              {directory.offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary">
            Mostra
          </button>
        </form>
      ) : null}

      {/* One column on a phone must be able to shrink below its content (the previews are one
          nowrap line each): minmax(0,1fr) and min-w-0, or the page scrolls sideways at 360 px. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[20rem_minmax(0,1fr)_16rem]">
        <section aria-labelledby="inbox-heading" className={`min-w-0 ${showList ? '' : 'hidden lg:block'}`}>
          <h2 id="inbox-heading" className="mb-2 flex flex-wrap items-center gap-x-2 text-xl font-bold">
            {inboxViewLabels[view]}
            {counts && counts.unread > 0 ? <span className="rounded-full bg-danger px-2 text-base text-white">{counts.unread} da leggere</span> : null}
          </h2>
          {items.length === 0 ? <p className="text-muted">Nessuna chat in questa vista.</p> : null}
          <ul className="flex flex-col gap-2">
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  href={viewHref(view, item.id)}
                  aria-current={item.id === conversationId ? 'true' : undefined}
                  className={`block rounded-md border-2 p-3 text-ink no-underline ${item.escalated ? 'border-danger bg-danger-light' : item.id === conversationId ? 'border-primary bg-primary-light' : 'border-line bg-white'}`}
                >
                  <span className="flex flex-wrap justify-between gap-x-2 font-semibold">
                    <span className="min-w-0 break-words">{item.citizenLabel}</span>
                    {item.unread > 0 ? <span className="shrink-0 rounded-full bg-primary px-2 text-white">{item.unread === 1 ? '1 nuovo' : `${item.unread} nuovi`}</span> : null}
                  </span>
                  <span className="block truncate">{item.preview}</span>
                  <span className="block text-sm text-muted">
                    {item.escalated ? <strong className="text-danger">In ritardo · </strong> : null}
                    {statusLabels[item.status]} · {item.assigneeName ?? 'non assegnata'}
                    {item.officeName ? ` · ${item.officeName}` : ''}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="conversation-heading" className={`min-w-0 ${conversationId ? '' : 'hidden lg:block'}`}>
          {!conversationId ? (
            <p id="conversation-heading" className="text-muted">
              Scegli una chat dall’elenco.
            </p>
          ) : (
            <>
              <Link href={viewHref(view)} className="mb-2 inline-flex min-h-11 items-center text-primary underline lg:hidden">
                ← Torna alle chat
              </Link>
              <h2 id="conversation-heading" className="text-xl font-bold">
                {current?.citizenLabel ?? 'Conversazione'}
              </h2>
              {current ? (
                <p className="text-muted">
                  {statusLabels[current.status]} · {current.assigneeName ? `assegnata a ${current.assigneeName}` : 'non assegnata'}
                  {current.officeName ? ` · ${current.officeName}` : ''}
                </p>
              ) : null}

              <div className="mt-2 flex flex-wrap gap-2">
                {current?.assigneeId !== me.id ? (
                  <button type="button" disabled={isPending} onClick={() => run(() => assignAction(conversationId, 'me'))} className="min-h-11 rounded-md bg-primary px-4 font-semibold text-white">
                    Prendi in carico
                  </button>
                ) : null}
                {current?.status === 'resolved' ? (
                  <button type="button" disabled={isPending} onClick={() => run(() => statusAction(conversationId, 'reopen'))} className="min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary">
                    Riapri
                  </button>
                ) : (
                  <button type="button" disabled={isPending} onClick={() => run(() => statusAction(conversationId, 'resolve'))} className="min-h-11 rounded-md border-2 border-success px-4 font-semibold text-success">
                    Risolvi
                  </button>
                )}
              </div>
              <details className="mt-2 rounded-md border border-line p-2">
                <summary className="min-h-11 cursor-pointer py-2 font-semibold">Assegna o posticipa</summary>
                <div className="flex flex-wrap items-end gap-2">
                  {/* A select is as wide as its longest option ("Automatico (a turno tra chi è online)"): on a phone it takes the row instead. */}
                  <label className="flex w-full min-w-0 flex-col sm:w-auto">
                    <span className="font-semibold">Assegna a</span>
                    <select value={assignTarget} onChange={(e) => setAssignTarget(e.target.value)} className="min-h-11 w-full min-w-0 rounded-md border-2 border-muted px-2 sm:w-auto sm:max-w-full">
                      <option value="round-robin">Automatico (a turno tra chi è online)</option>
                      <optgroup label="Colleghi">
                        {directory.colleagues.map((c) => (
                          <option key={c.id} value={`staff:${c.id}`}>
                            {c.name}
                            {c.online ? ' (online)' : ''}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Uffici">
                        {directory.offices.map((o) => (
                          <option key={o.id} value={`office:${o.id}`}>
                            {o.name}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  </label>
                  <button type="button" disabled={isPending} onClick={() => run(() => assignAction(conversationId, assignTarget))} className="min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary">
                    Assegna
                  </button>
                </div>
                <div className="mt-2 flex flex-wrap items-end gap-2">
                  <label className="flex min-w-0 flex-col">
                    <span className="font-semibold">Posticipa fino a</span>
                    <input type="datetime-local" value={snoozeUntil} onChange={(e) => setSnoozeUntil(e.target.value)} className="min-h-11 rounded-md border-2 border-muted px-2" />
                  </label>
                  <button type="button" disabled={isPending} onClick={() => run(() => statusAction(conversationId, 'snooze', snoozeUntil))} className="min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary">
                    Posticipa
                  </button>
                </div>
              </details>

              <ol aria-label="Messaggi" className="mt-3 flex max-h-[60vh] min-h-40 flex-col gap-2 overflow-y-auto rounded-md border border-line bg-surface p-2">
                {messages.map((m) => {
                  const fromStaff = m.author === 'staff'
                  const note = m.kind === 'note'
                  return (
                    <MessageBubble
                      key={m.id}
                      tone={note ? 'note' : fromStaff ? 'mine' : m.author === 'system' ? 'system' : 'theirs'}
                      who={note ? `Nota privata · ${m.staffName ?? ''}` : fromStaff ? (m.staffName ?? 'Staff') : m.author === 'system' ? 'Risposta automatica' : 'Cittadino'}
                      footer={
                        <MessageMeta
                          createdAt={m.createdAt}
                          format="dateTime"
                          state={fromStaff && !note ? (m.seq <= readByCitizen ? 'Letto' : 'Inviato') : null}
                          stateTestId="staff-message-state"
                        />
                      }
                    >
                      <MessageBody message={m} labels={labels} />
                    </MessageBubble>
                  )
                })}
                {pending
                  .filter((p) => p.conversationId === conversationId)
                  .map((p) => (
                    <MessageBubble
                      key={p.clientId}
                      tone={p.kind === 'note' ? 'note' : 'mine'}
                      footer={
                        p.error ? (
                          <div className="flex flex-wrap items-center gap-2">
                            <p className="text-danger">{p.error}</p>
                            <button type="button" onClick={() => void post(p)} className="min-h-11 rounded border-2 border-primary px-3 font-semibold text-primary">
                              Riprova
                            </button>
                            <button type="button" onClick={() => void discard(p)} className="min-h-11 rounded border-2 border-line px-3 font-semibold">
                              Elimina
                            </button>
                          </div>
                        ) : p.offline ? (
                          <p>In attesa di connessione: partirà da {p.kind === 'image' || p.kind === 'note' ? 'sola' : 'solo'} appena torna la rete.</p>
                        ) : (
                          <p>Invio in corso…</p>
                        )
                      }
                    >
                      {p.kind === 'image' && p.blob ? <QueuedPhoto blob={p.blob} alt="Foto in attesa di invio" /> : null}
                      <p className="whitespace-pre-wrap">{p.kind === 'image' ? '📷 Foto' : p.kind === 'video' ? '🎬 Video' : p.body}</p>
                    </MessageBubble>
                  ))}
              </ol>
              <p aria-live="polite" className="min-h-6 text-muted">
                {typing ? 'Il cittadino sta scrivendo…' : ''}
              </p>

              <form onSubmit={send} className="flex flex-col gap-2">
                <fieldset className="flex flex-wrap gap-4">
                  <legend className="sr-only">Tipo di messaggio</legend>
                  <label className="inline-flex min-h-11 items-center gap-2">
                    <input type="radio" name="mode" checked={mode === 'text'} onChange={() => setMode('text')} className="size-5" />
                    Risposta al cittadino
                  </label>
                  <label className="inline-flex min-h-11 items-center gap-2">
                    <input type="radio" name="mode" checked={mode === 'note'} onChange={() => setMode('note')} className="size-5" />
                    Nota privata (solo colleghi, @nome per avvisare)
                  </label>
                </fieldset>
                <label htmlFor="reply" className="font-semibold">
                  {mode === 'note' ? 'Nota privata' : 'Risposta'} <span className="font-normal text-muted">(scrivi / per le risposte pronte)</span>
                </label>
                <textarea
                  id="reply"
                  value={draft}
                  rows={3}
                  onChange={(e) => onDraft(e.target.value)}
                  onKeyDown={(e) => {
                    if (matches.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
                      e.preventDefault()
                      setCannedIndex((i) => (e.key === 'ArrowDown' ? (i + 1) % matches.length : (i - 1 + matches.length) % matches.length))
                    } else if (e.key === 'Enter' && !e.shiftKey) send(e)
                  }}
                  aria-controls={matches.length > 0 ? 'canned-list' : undefined}
                  className={`w-full rounded-md border-2 px-3 py-2 ${mode === 'note' ? 'border-warning bg-warning-light' : 'border-muted'}`}
                />
                {matches.length > 0 ? (
                  <ul id="canned-list" aria-label="Risposte pronte" className="rounded-md border-2 border-primary bg-white">
                    {matches.map((c, i) => (
                      <li key={c.shortcut}>
                        <button
                          type="button"
                          onClick={() => insertCanned(c.body)}
                          aria-current={i === cannedIndex ? 'true' : undefined}
                          className={`block min-h-11 w-full px-3 py-2 text-left ${i === cannedIndex ? 'bg-primary-light' : ''}`}
                        >
                          <strong>/{c.shortcut}</strong> {c.body.slice(0, 80)}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <div className="flex flex-wrap gap-2">
                  <button type="submit" className="min-h-11 rounded-md bg-primary px-5 font-semibold text-white">
                    {mode === 'note' ? 'Salva nota' : 'Invia'}
                  </button>
                  <FilePickButton accept="image/*,video/mp4,video/webm" onFile={(file) => void attach(file)}>
                    Allega foto o video
                  </FilePickButton>
                </div>
              </form>
            </>
          )}
        </section>

        <aside aria-labelledby="side-heading" className="flex min-w-0 flex-col gap-4">
          {conversationId && activity ? (
            <section aria-labelledby="side-heading">
              <h2 id="side-heading" className="text-lg font-bold">
                Il cittadino in Filo
              </h2>
              <p>Usa l’app dal {new Date(activity.since).toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' })} · lingua {activity.locale === 'en' ? 'inglese' : 'italiano'}</p>
              <p className="mt-1 font-semibold">Argomenti seguiti</p>
              {activity.topics.length ? (
                <ul className="list-disc pl-5">
                  {activity.topics.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted">Nessuno.</p>
              )}
              <p className="mt-1 font-semibold">Le sue segnalazioni</p>
              {activity.reports.length ? (
                <ul className="flex flex-col gap-1">
                  {activity.reports.map((r) => (
                    <li key={r.id}>
                      <a href={`/admin/segnalazioni/${r.id}`} className="underline">{r.publicCode}</a> {r.title} · {r.status}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted">Nessuna.</p>
              )}
            </section>
          ) : (
            <h2 id="side-heading" className="sr-only">
              Preferenze
            </h2>
          )}
          <section aria-labelledby="prefs-heading">
            <h3 id="prefs-heading" className="text-lg font-bold">
              Le mie preferenze
            </h3>
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" checked={preferences.soundEnabled} onChange={(e) => setPreferences((p) => ({ ...p, soundEnabled: e.target.checked }))} />
              Suono per le chat nuove
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" checked={preferences.badgeEnabled} onChange={(e) => setPreferences((p) => ({ ...p, badgeEnabled: e.target.checked }))} />
              Numero nel titolo della scheda
            </label>
            <label className="flex flex-col">
              <span>Massimo di chat aperte assegnate a me</span>
              <input
                type="number"
                min={1}
                max={50}
                value={preferences.maxOpenChats}
                onChange={(e) => setPreferences((p) => ({ ...p, maxOpenChats: Number(e.target.value) }))}
                className="min-h-11 w-24 rounded-md border-2 border-muted px-2"
              />
            </label>
            <button type="button" disabled={isPending} onClick={() => run(() => preferencesAction(preferences))} className="mt-2 min-h-11 rounded-md border-2 border-primary px-4 font-semibold text-primary">
              Salva preferenze
            </button>
          </section>
        </aside>
      </div>
    </div>
  )
}
