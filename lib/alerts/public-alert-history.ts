import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { alertMessages } from '@/db/schema/alerts'
import { getDb } from '../db'

import type { AlertChange, AlertHistoryEntry } from './alert-history-shared'

export type { AlertChange, AlertHistoryEntry }

const texts = ['headline', 'description', 'instructions', 'comuneActions'] as const
const lists = [
  ['risks', 'risks'],
  ['zoneIds', 'zones'],
  ['waitingAreaIds', 'waitingAreas'],
] as const

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const time = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : NaN)

/**
 * What changed from one published version of an alert to the next, read from the snapshots
 * each CAP message keeps (db/schema/alerts.ts alert_messages.snapshot). Fields a snapshot
 * lacks are not compared, so older snapshots never show changes that did not happen.
 */
export function alertChanges(before: Record<string, unknown>, after: Record<string, unknown>): AlertChange[] {
  const changes: AlertChange[] = []
  if (typeof before.level === 'string' && typeof after.level === 'string' && before.level !== after.level) {
    changes.push({ field: 'level', from: before.level, to: after.level })
  }
  if ('phase' in after && !same(before.phase, after.phase)) changes.push({ field: 'phase', to: typeof after.phase === 'string' ? after.phase : null })
  for (const field of texts) if (field in after && !same(before[field], after[field])) changes.push({ field })
  for (const [key, field] of lists) if (key in before && key in after && !same(before[key], after[key])) changes.push({ field })
  const until = time(after.validUntil)
  if (!Number.isNaN(until) && until !== time(before.validUntil)) changes.push({ field: 'validUntil', to: new Date(until) })
  return changes
}

/** The published messages of an alert, oldest first, each with what it changed. */
export async function listPublicAlertHistory(alertId: string): Promise<AlertHistoryEntry[]> {
  const db = await getDb()
  const rows = await db
    .select({ msgType: alertMessages.msgType, sent: alertMessages.sent, snapshot: alertMessages.snapshot })
    .from(alertMessages)
    .where(eq(alertMessages.alertId, alertId))
    .orderBy(asc(alertMessages.id))
  return rows.map((row, i) => ({
    msgType: row.msgType === 'Update' || row.msgType === 'Cancel' ? row.msgType : 'Alert',
    sent: row.sent,
    changes: i > 0 && row.msgType === 'Update' ? alertChanges(rows[i - 1]!.snapshot, row.snapshot) : [],
  }))
}
