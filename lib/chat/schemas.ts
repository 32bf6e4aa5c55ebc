import { z } from 'zod'

/** Browser-safe: shapes and input schemas of the chat. */

export const CONVERSATION_CHANNEL_PREFIX = 'conv:'
export const CHAT_INBOX_CHANNEL = 'chat-inbox'

export function conversationChannel(conversationId: string): string {
  return `${CONVERSATION_CHANNEL_PREFIX}${conversationId}`
}

export type ChatAuthor = 'citizen' | 'staff' | 'system'
export type ChatKind = 'text' | 'image' | 'video' | 'location' | 'note' | 'auto_reply'

export type ChatMessageView = {
  id: number
  seq: number
  author: ChatAuthor
  staffName: string | null
  kind: ChatKind
  body: string
  latitude: number | null
  longitude: number | null
  attachment: { url: string; contentType: string; width: number | null; height: number | null } | null
  clientId: string | null
  createdAt: string
}

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Identificativo del messaggio non valido.')

export const MAX_MESSAGE_LENGTH = 4000

export const sendMessageSchema = z
  .object({
    clientId: clientIdSchema,
    kind: z.enum(['text', 'image', 'video', 'location']),
    body: z.string().trim().max(MAX_MESSAGE_LENGTH, `Il messaggio può avere al massimo ${MAX_MESSAGE_LENGTH} caratteri.`).default(''),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    attachmentId: z.uuid().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'text' && m.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Scrivi un messaggio.' })
    if (m.kind === 'location' && (m.latitude === undefined || m.longitude === undefined))
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'Posizione mancante.' })
    if ((m.kind === 'image' || m.kind === 'video') && !m.attachmentId)
      ctx.addIssue({ code: 'custom', path: ['attachmentId'], message: 'Allegato mancante.' })
  })
export type SendMessageInput = z.infer<typeof sendMessageSchema>

export const staffMessageSchema = z
  .object({
    clientId: clientIdSchema,
    kind: z.enum(['text', 'note', 'image', 'video']),
    body: z.string().trim().max(MAX_MESSAGE_LENGTH).default(''),
    attachmentId: z.uuid().optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.kind === 'text' || m.kind === 'note') && m.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Scrivi un messaggio.' })
    if ((m.kind === 'image' || m.kind === 'video') && !m.attachmentId)
      ctx.addIssue({ code: 'custom', path: ['attachmentId'], message: 'Allegato mancante.' })
  })
export type StaffMessageInput = z.infer<typeof staffMessageSchema>

export const inboxViews = ['open', 'pending', 'snoozed', 'resolved', 'mine', 'unassigned', 'office'] as const
export type InboxView = (typeof inboxViews)[number]

export const inboxViewLabels: Record<InboxView, string> = {
  open: 'Aperte',
  pending: 'In attesa',
  snoozed: 'Posticipate',
  resolved: 'Risolte',
  mine: 'Mie',
  unassigned: 'Non assegnate',
  office: 'Per ufficio',
}

export type InboxItem = {
  id: string
  status: 'open' | 'pending' | 'snoozed' | 'resolved'
  citizenLabel: string
  officeId: number | null
  officeName: string | null
  assigneeId: string | null
  assigneeName: string | null
  preview: string
  lastMessageAt: string | null
  waitingSince: string | null
  escalated: boolean
  unread: number
  snoozedUntil: string | null
}

/** A private note that names a staff member, waiting for them to read it. */
export type MentionItem = {
  id: number
  conversationId: string
  citizenLabel: string
  excerpt: string
  authorName: string
  createdAt: string
  /** False when the chat is another office's: listed, but it cannot be opened. */
  canOpen: boolean
}

export const markMentionsReadSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) })

/** Crockford's base 32: no I, L, O or U, so a label read aloud to a colleague is not misheard. */
const LABEL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A short, stable label for an anonymous citizen: "Cittadino 7QK3MX". Six characters of a hash
 * of the id (30 bits): four hex digits of the id itself collided for about half of the Comuni
 * with ~300 chat citizens, and ids that share a prefix (the demo's) all read the same. A hash,
 * not the id, so the label gives away nothing more than it did; browser-safe, so no node:crypto.
 */
export function citizenLabel(citizenId: string): string {
  // cyrb53: two 32-bit multiplicative lanes mixed into 53 well-spread bits.
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (const ch of citizenId.toLowerCase()) {
    const c = ch.charCodeAt(0)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  let hash = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  let label = ''
  for (let i = 0; i < 6; i++) {
    label += LABEL_ALPHABET[hash % 32]
    hash = Math.floor(hash / 32)
  }
  return `Cittadino ${label}`
}

/** Splits text into plain parts and http(s) links, so links are clickable and nothing is HTML. */
export function linkify(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = []
  const pattern = /\bhttps?:\/\/[^\s<>"']+/gi
  let last = 0
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0
    // Trailing punctuation belongs to the sentence, not the address.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '')
    if (index > last) parts.push({ text: text.slice(last, index) })
    try {
      const parsed = new URL(url)
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') parts.push({ text: url, href: parsed.href })
      else parts.push({ text: url })
    } catch {
      parts.push({ text: url })
    }
    last = index + url.length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}

/** A map link for a shared position (no tile server needed: opens in the phone's map app or OSM). */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude.toFixed(6)}&mlon=${longitude.toFixed(6)}#map=18/${latitude.toFixed(6)}/${longitude.toFixed(6)}`
}

/** @mentions in a note: "@Maria" or "@maria.rossi" matched against staff names and emails. */
export function findMentionTokens(body: string): string[] {
  return [...body.matchAll(/@([\p{L}][\p{L}.'_-]{1,40})/gu)].map((m) => (m[1] ?? '').toLowerCase())
}
