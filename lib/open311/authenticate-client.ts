import 'server-only'
import { and, eq, isNull, lt, or } from 'drizzle-orm'
import { open311Clients } from '@/db/schema/open311'
import { getDb } from '../db'
import type { Open311ClientActor } from '../reports/submit-report'
import { hashApiKey } from './api-key'
import { Open311Error } from './respond'

export const INVALID_KEY = 'api_key mancante o non valida: chiedi una chiave all’amministratore del Comune.'

/** The client an api_key belongs to, if it was issued and not revoked; otherwise 403. */
export async function authenticateOpen311Client(apiKey: string | undefined, now = new Date()): Promise<Open311ClientActor> {
  if (!apiKey || apiKey.length > 200) throw new Open311Error(403, [{ code: 403, description: INVALID_KEY }])
  const db = await getDb()
  const [client] = await db
    .select({ id: open311Clients.id, name: open311Clients.name, lastUsedAt: open311Clients.lastUsedAt })
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, hashApiKey(apiKey)), isNull(open311Clients.revokedAt)))
  if (!client) throw new Open311Error(403, [{ code: 403, description: INVALID_KEY }])
  // "Last used" for the administrators, written at most once a minute per client.
  if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000) {
    await db
      .update(open311Clients)
      .set({ lastUsedAt: now })
      .where(and(eq(open311Clients.id, client.id), or(isNull(open311Clients.lastUsedAt), lt(open311Clients.lastUsedAt, new Date(now.getTime() - 60_000)))))
  }
  return { kind: 'open311', clientId: client.id, label: client.name }
}
