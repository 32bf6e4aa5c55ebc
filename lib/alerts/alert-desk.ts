import 'server-only'
import { and, asc, eq, gt, isNotNull, or } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { getDb } from '../db'
import type { StaffActor } from '../auth/actor'

/**
 * The alert state for the staff dashboard: alerts in force (any signed-in staff member may
 * see them, as citizens do) and, for those who approve, what waits for a second person.
 */
export async function getAlertDesk(actor: StaffActor, now = new Date()) {
  const db = await getDb()
  const inForce = await db
    .select({ id: alerts.id, level: alerts.level, headline: alerts.headline, validUntil: alerts.validUntil, pendingUpdate: isNotNull(alerts.pendingUpdate) })
    .from(alerts)
    .where(and(eq(alerts.state, 'active'), gt(alerts.validUntil, now)))
    .orderBy(asc(alerts.validUntil))
  const rank: Record<string, number> = { rossa: 0, arancione: 1, gialla: 2, verde: 3 }
  inForce.sort((a, b) => (rank[a.level] ?? 9) - (rank[b.level] ?? 9))
  const approves = actor.role === 'admin' || actor.role === 'civil_protection'
  const waiting = approves
    ? await db
        .select({ id: alerts.id, level: alerts.level, headline: alerts.headline, state: alerts.state, draftedBy: alerts.draftedBy, pendingUpdate: alerts.pendingUpdate })
        .from(alerts)
        // A pending alert whose validity has ended can never be published: it only clutters the queue.
        .where(and(gt(alerts.validUntil, now), or(eq(alerts.state, 'pending_approval'), and(eq(alerts.state, 'active'), isNotNull(alerts.pendingUpdate)))))
        .orderBy(asc(alerts.updatedAt))
    : []
  return {
    inForce,
    pendingApprovals: waiting.map((a) => ({
      id: a.id,
      level: a.pendingUpdate?.level ?? a.level,
      headline: a.pendingUpdate?.headline ?? a.headline,
      kind: a.state === 'pending_approval' ? ('alert' as const) : ('update' as const),
      /** Someone else asked for it: this person can approve it. */
      canApprove: (a.pendingUpdate?.requestedBy ?? a.draftedBy) !== actor.id,
    })),
  }
}
