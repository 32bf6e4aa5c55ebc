import 'server-only'
import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import { auditLog } from '@/db/schema/staff'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import type { AuditAction } from './record-audit'

export const PAGE_SIZE = 50

/** Newest first, in pages keyed by id (stable while new entries keep arriving). */
export async function listAuditLog(actor: StaffActor, filter: { action?: AuditAction; before?: number } = {}) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const conditions: SQL[] = []
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.before) conditions.push(lt(auditLog.id, filter.before))
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(PAGE_SIZE + 1)
  return { entries: rows.slice(0, PAGE_SIZE), nextBefore: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]?.id ?? null : null }
}
