import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import { open311Clients, open311Requests } from '@/db/schema/open311'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { parseOrThrow } from '../reports/parse-input'
import { hashApiKey, keyHint, newApiKey } from './api-key'
import { issueOpen311KeySchema, revokeOpen311KeySchema, type IssueOpen311KeyInput } from './schemas'

export type Open311ClientRow = {
  id: string
  name: string
  contact: string
  keyHint: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  reports: number
}

/** Administrators only: the clients, newest first, with how many reports each sent. */
export async function listOpen311Clients(actor: StaffActor): Promise<Open311ClientRow[]> {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db
    .select({
      id: open311Clients.id,
      name: open311Clients.name,
      contact: open311Clients.contact,
      keyHint: open311Clients.keyHint,
      createdAt: open311Clients.createdAt,
      lastUsedAt: open311Clients.lastUsedAt,
      revokedAt: open311Clients.revokedAt,
      reports: sql<number>`(select count(*)::int from ${open311Requests} where ${open311Requests.clientId} = ${open311Clients.id})`,
    })
    .from(open311Clients)
    .orderBy(desc(open311Clients.createdAt))
}

/**
 * A new client with its one API key. The key is returned here, once: only its hash is kept,
 * so a lost key is revoked and a new one issued.
 */
export async function issueOpen311Key(actor: StaffActor, rawInput: IssueOpen311KeyInput, context: RequestContext): Promise<{ clientId: string; apiKey: string }> {
  assertRole(actor, ['admin'])
  const input = parseOrThrow(issueOpen311KeySchema.safeParse(rawInput))
  const apiKey = newApiKey()
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [client] = await tx
      .insert(open311Clients)
      .values({ name: input.name, contact: input.contact, keyHash: hashApiKey(apiKey), keyHint: keyHint(apiKey), createdBy: actor.id })
      .returning({ id: open311Clients.id })
    await recordAudit(tx, {
      action: 'open311.key_issue',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'open311_client',
      targetId: client!.id,
      ip: context.ip,
      details: { name: input.name, keyHint: keyHint(apiKey) },
    })
    return { clientId: client!.id, apiKey }
  })
}

/** Revokes a client's key at once: its next request gets 403. Reports it sent stay. */
export async function revokeOpen311Key(actor: StaffActor, rawInput: { clientId: string }, context: RequestContext, now = new Date()): Promise<void> {
  assertRole(actor, ['admin'])
  const input = parseOrThrow(revokeOpen311KeySchema.safeParse(rawInput))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [client] = await tx.select().from(open311Clients).where(eq(open311Clients.id, input.clientId)).for('update')
    if (!client) throw new AppError('not_found', 'Client Open311 non trovato.')
    if (client.revokedAt) return
    await tx.update(open311Clients).set({ revokedAt: now, revokedBy: actor.id }).where(eq(open311Clients.id, client.id))
    await recordAudit(tx, {
      action: 'open311.key_revoke',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'open311_client',
      targetId: client.id,
      ip: context.ip,
      details: { name: client.name, keyHint: client.keyHint },
    })
  })
}
