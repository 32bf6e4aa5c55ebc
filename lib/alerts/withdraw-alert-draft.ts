import 'server-only'
import { eq } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { ALERT_ROLES } from './create-alert'
import { lockAlert } from './publish-alert'

/**
 * Withdraws an unpublished draft (its author, or an admin): it leaves the approval queue and
 * can no longer be published. The row stays, so the audit trail keeps pointing at something.
 */
export async function withdrawAlertDraft(actor: StaffActor, alertId: string, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, alertId)
    if (alert.state !== 'draft' && alert.state !== 'pending_approval') {
      throw new AppError('conflict', 'Si può ritirare solo un’allerta non ancora pubblicata.')
    }
    if (alert.draftedBy !== actor.id && actor.role !== 'admin') {
      throw new AppError('forbidden', 'Solo chi ha preparato la bozza o un amministratore può ritirarla.')
    }
    await tx.update(alerts).set({ state: 'withdrawn', updatedAt: now }).where(eq(alerts.id, alert.id))
    await recordAudit(tx, {
      action: 'alert.withdraw',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: alert.level, headline: alert.headline, previousState: alert.state, draftedBy: alert.draftedBy },
    })
  })
}
