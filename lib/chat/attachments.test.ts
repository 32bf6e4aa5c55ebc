import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { citizens } from '@/db/schema/citizens'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { setupTestDatabase } from '../testing/test-database'
import { readChatAttachment } from './read-attachment'
import { saveChatAttachment } from './save-attachment'
import { listMessagesForCitizen } from './list-messages'
import { sendCitizenMessage } from './send-citizen-message'
import { tinyMp4 } from './video-fixtures'

// Chat files go to a throwaway folder (read through lib/env on first use).
process.env.FILO_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'filo-chat-'))

const database = setupTestDatabase({ seed: true })
let alice: CitizenActor
let bob: CitizenActor
let office: StaffActor

beforeAll(async () => {
  const { db } = database.current()
  const make = async (): Promise<CitizenActor> => {
    const [c] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
    return { kind: 'citizen', id: c!.id, locale: 'it' }
  }
  alice = await make()
  bob = await make()
  const [s] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'lavoripubblici@comune.esempio.it'))
  office = { kind: 'staff', id: s!.id, email: s!.email, name: s!.name, role: s!.role, officeId: s!.officeId }
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
