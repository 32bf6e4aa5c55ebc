import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { chatAttachments, conversations } from '@/db/schema/chat'
import { citizens } from '@/db/schema/citizens'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { setupChatTest } from './chat-test-setup'
import { readChatAttachment } from './read-attachment'
import { saveChatAttachment } from './save-attachment'
import { listMessagesForCitizen } from './list-messages'
import { sendCitizenMessage } from './send-citizen-message'
import { sendStaffMessage } from './send-staff-message'
import { tinyMp4 } from './video-fixtures'

// Chat files go to a throwaway folder (read through lib/env on first use).
process.env.FILO_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'filo-chat-'))

// The chat's test ground: a staff reply notifies the citizen, which needs the job queue.
const { database } = setupChatTest((staff) => ({ office, operator } = staff))
let alice: CitizenActor
let bob: CitizenActor
let office: StaffActor
let operator: StaffActor

beforeAll(async () => {
  const { db } = database.current()
  const make = async (): Promise<CitizenActor> => {
    const [c] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    return { kind: 'citizen', id: c!.id, locale: 'it' }
  }
  alice = await make()
  bob = await make()
})

describe('chat attachments', () => {
  it('re-encodes a photo as JPEG without its metadata, readable only by its citizen', async () => {
    const withGps = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'segreto' } })
      .toBuffer()
    const saved = await saveChatAttachment({ actor: alice, bytes: new Uint8Array(withGps) })
    expect(saved.contentType).toBe('image/jpeg')
    const file = await readChatAttachment(alice, saved.id)
    const meta = await sharp(Buffer.from(file.bytes)).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    await expect(readChatAttachment(bob, saved.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(readChatAttachment(office, saved.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(readChatAttachment(null, saved.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a photo goes out as a message once; the same upload cannot be attached twice', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } }).png().toBuffer()
    const saved = await saveChatAttachment({ actor: alice, bytes: new Uint8Array(png) })
    const sent = await sendCitizenMessage({ actor: alice, input: { clientId: 'photo-00001', kind: 'image', body: '', attachmentId: saved.id } })
    expect(sent.duplicate).toBe(false)
    const page = await listMessagesForCitizen(alice)
    expect(page.messages.find((m) => m.id === sent.messageId)?.attachment).toMatchObject({ url: `/api/chat/attachments/${saved.id}`, contentType: 'image/jpeg', width: 8, height: 8 })
    await expect(
      sendCitizenMessage({ actor: alice, input: { clientId: 'photo-00002', kind: 'image', body: '', attachmentId: saved.id } }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    // Someone else's upload cannot be attached either.
    await expect(
      sendCitizenMessage({ actor: bob, input: { clientId: 'photo-00003', kind: 'image', body: '', attachmentId: saved.id } }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('a photo uploaded again from the offline outbox (same client id) is kept once and sent once', async () => {
    const png = await sharp({ create: { width: 12, height: 9, channels: 3, background: '#00aa00' } }).png().toBuffer()
    const first = await saveChatAttachment({ actor: alice, bytes: new Uint8Array(png), clientId: 'outbox-photo-1' })
    // The answer was lost; the phone sends the same photo with the same key.
    const again = await saveChatAttachment({ actor: alice, bytes: new Uint8Array(png), clientId: 'outbox-photo-1' })
    expect(again.id).toBe(first.id)
    // Another citizen's key space is their own: the same key gives them their own file.
    const bobs = await saveChatAttachment({ actor: bob, bytes: new Uint8Array(png), clientId: 'outbox-photo-1' })
    expect(bobs.id).not.toBe(first.id)
    const input = { clientId: 'outbox-photo-1', kind: 'image' as const, body: '', attachmentId: first.id }
    const sent = await sendCitizenMessage({ actor: alice, input })
    const resent = await sendCitizenMessage({ actor: alice, input: { ...input, attachmentId: again.id } })
    expect(resent).toMatchObject({ messageId: sent.messageId, duplicate: true })
    const page = await listMessagesForCitizen(alice)
    expect(page.messages.filter((m) => m.clientId === 'outbox-photo-1')).toHaveLength(1)
  })

  it('a staff photo sent again from the console outbox (same client id) is kept once and sent once, only where staff may write', async () => {
    const { db } = database.current()
    await sendCitizenMessage({ actor: bob, input: { clientId: 'bob-asks-0001', kind: 'text', body: 'Mi mandate la foto del modulo?' } })
    const [conversation] = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.citizenId, bob.id))
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#0000aa' } }).png().toBuffer()
    const key = 'staff-outbox-photo-1'
    const first = await saveChatAttachment({ actor: operator, conversationId: conversation!.id, bytes: new Uint8Array(png), clientId: key })
    // The console lost the answer and uploads the same photo with the same key.
    const again = await saveChatAttachment({ actor: operator, conversationId: conversation!.id, bytes: new Uint8Array(png), clientId: key })
    expect(again.id).toBe(first.id)
    const input = { clientId: key, kind: 'image' as const, body: '', attachmentId: first.id }
    const sent = await sendStaffMessage({ actor: operator, conversationId: conversation!.id, input })
    expect(await sendStaffMessage({ actor: operator, conversationId: conversation!.id, input })).toMatchObject({ messageId: sent.messageId, duplicate: true })
    const page = await listMessagesForCitizen(bob)
    expect(page.messages.filter((m) => m.clientId === key)).toHaveLength(1)
    expect(await db.select({ id: chatAttachments.id }).from(chatAttachments).where(eq(chatAttachments.clientId, key))).toHaveLength(1)
    // An office clerk cannot upload into a chat that is not their office's, whatever key they send.
    await expect(
      saveChatAttachment({ actor: office, conversationId: conversation!.id, bytes: new Uint8Array(png), clientId: 'staff-outbox-photo-2' }),
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(await db.select({ id: chatAttachments.id }).from(chatAttachments).where(eq(chatAttachments.clientId, 'staff-outbox-photo-2'))).toHaveLength(0)
  })

  it('checks the type by content, and the clip length from its headers', async () => {
    await expect(saveChatAttachment({ actor: alice, bytes: new TextEncoder().encode('<script>alert(1)</script>') })).rejects.toMatchObject({
      code: 'invalid_input',
    })
    const short = await saveChatAttachment({ actor: alice, bytes: tinyMp4(12) })
    expect(short.contentType).toBe('video/mp4')
    await expect(saveChatAttachment({ actor: alice, bytes: tinyMp4(75) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Il video è troppo lungo: al massimo 60 secondi.',
    })
  })
})
