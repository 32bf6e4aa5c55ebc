import { eq, sql } from 'drizzle-orm'
import type { Tx } from './client'
import { cannedReplies, chatMessages, conversations } from './schema/chat'
import { citizens } from './schema/citizens'
import { offices } from './schema/comune'
import { realtimeChannels } from './schema/realtime'
import { staffUsers } from './schema/staff'

const MINUTE = 60_000

export const demoCannedReplies = [
  { shortcut: 'ciao', body: 'Ciao! Sono del Comune, come posso aiutarti?', office: null },
  { shortcut: 'orari', body: 'Gli uffici comunali sono aperti dal lunedì al venerdì dalle 8:30 alle 13:00. Trovi tutti gli orari nella sezione Uffici dell’app.', office: null },
  { shortcut: 'foto', body: 'Puoi mandarmi una foto del problema e la tua posizione? Usa i pulsanti Foto e “Invia la mia posizione” qui sotto.', office: null },
  { shortcut: 'grazie', body: 'Grazie a te! Se ti serve altro scrivici pure qui.', office: null },
  { shortcut: 'segnalato', body: 'Ho passato la tua segnalazione ai Lavori pubblici: la squadra interviene appena possibile.', office: 'lavori-pubblici' },
] as const

/** Fixed ids: the demo chats are created once, whatever runs the seed again. */
const demoCitizenIds = ['00000000-0000-4000-8000-00000000c401', '00000000-0000-4000-8000-00000000c402'] as const

/**
 * Canned replies and two demo conversations: one answered and assigned to the URP operator
 * (with a photo-less position and a private note), one still waiting for an answer.
 */
export async function seedChat(tx: Tx, now: Date): Promise<void> {
  const officeRows = await tx.select({ id: offices.id, slug: offices.slug }).from(offices)
  await tx
    .insert(cannedReplies)
    .values(demoCannedReplies.map((c) => ({ shortcut: c.shortcut, body: c.body, officeId: c.office ? (officeRows.find((o) => o.slug === c.office)?.id ?? null) : null })))
    .onConflictDoNothing({ target: cannedReplies.shortcut })

  const [operator] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, 'urp@comune.esempio.it'))
  const [privacy] = await tx.execute(sql`select privacy_notice_version as v from comune_settings where id = 1`).then((r) =>
    Array.isArray(r) ? (r as Array<{ v: string }>) : ((r as { rows: Array<{ v: string }> }).rows ?? []),
  )
  if (!operator || !privacy) return
  const inserted = await tx
    .insert(citizens)
    .values(demoCitizenIds.map((id) => ({ id, privacyVersion: privacy.v, privacyAcknowledgedAt: new Date(now.getTime() - 3 * 86_400_000) })))
    .onConflictDoNothing()
    .returning({ id: citizens.id })
  if (inserted.length === 0) return

  const t = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE)
  const answeredAt = t(170)
  const [answered] = await tx
    .insert(conversations)
    .values({
      citizenId: demoCitizenIds[0],
      status: 'open',
      assigneeId: operator.id,
      firstResponseAt: answeredAt,
      lastMessageSeq: 4,
      lastMessageAt: t(160),
      staffReadSeq: 4,
      citizenReadSeq: 4,
      createdAt: t(180),
    })
    .returning({ id: conversations.id })
  const [waiting] = await tx
    .insert(conversations)
    .values({ citizenId: demoCitizenIds[1], status: 'open', waitingSince: t(4), lastMessageSeq: 1, lastMessageAt: t(4), createdAt: t(4) })
    .returning({ id: conversations.id })
  if (!answered || !waiting) return
  await tx.insert(chatMessages).values([
    { conversationId: answered.id, seq: 1, authorType: 'citizen', kind: 'text', body: 'Buongiorno, in via Roma 12 c’è una buca grande davanti al passo carrabile.', createdAt: t(180) },
    { conversationId: answered.id, seq: 2, authorType: 'citizen', kind: 'location', latitude: 43.4679, longitude: 11.8805, createdAt: t(179) },
    { conversationId: answered.id, seq: 3, authorType: 'staff', staffId: operator.id, kind: 'text', body: 'Ciao! Grazie della segnalazione, la passo subito ai Lavori pubblici.', responseSeconds: 600, createdAt: answeredAt },
    { conversationId: answered.id, seq: 4, authorType: 'staff', staffId: operator.id, kind: 'note', body: 'Da verificare con la squadra strade domani mattina.', createdAt: t(160) },
    { conversationId: waiting.id, seq: 1, authorType: 'citizen', kind: 'text', body: 'Ciao, a che ora apre l’anagrafe giovedì pomeriggio?', createdAt: t(4) },
  ])
  await tx
    .insert(realtimeChannels)
    .values([
      { channel: `conv:${answered.id}`, lastSeq: 4 },
      { channel: `conv:${waiting.id}`, lastSeq: 1 },
    ])
    .onConflictDoNothing()
}
