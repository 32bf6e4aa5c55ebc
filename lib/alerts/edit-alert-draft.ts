import 'server-only'
import { eq } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { ALERT_ROLES, checkAlertDraft, draftContent } from './create-alert'
import { lockAlert } from './publish-alert'
import type { AlertDraftInput } from './schemas'

/**
 * The author corrects a draft not yet published. A draft waiting for approval goes back to
 * 'draft': it must be submitted again, and whoever had it open can no longer approve the old
 * text (its fingerprint changed).
 */
export async function editAlertDraft(actor: StaffActor, alertId: string, input: AlertDraftInput, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, alertId)
    if (alert.state !== 'draft' && alert.state !== 'pending_approval') {
      throw new AppError('conflict', 'Questa allerta è già stata pubblicata o ritirata: non si può più modificare.')
    }
    if (alert.draftedBy !== actor.id) throw new AppError('forbidden', 'Solo chi ha preparato la bozza può modificarla.')
    await checkAlertDraft(tx, input, now)
    await tx
      .update(alerts)
      .set({ ...draftContent(input), state: 'draft', updatedAt: now })
      .where(eq(alerts.id, alert.id))
    await recordAudit(tx, {
      action: 'alert.edit',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: input.level, headline: input.headline, previousState: alert.state },
    })
  })
}
