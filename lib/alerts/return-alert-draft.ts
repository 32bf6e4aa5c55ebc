import 'server-only'
import { eq } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { ALERT_ROLES } from './create-alert'
import { STALE_ALERT, lockAlert } from './publish-alert'
import { alertFingerprint } from './alert-fingerprint'

/**
 * The second person does not approve: the alert goes back to its author as a draft, with a
 * note saying what to fix. Nothing is sent.
 */
export async function returnAlertDraft(actor: StaffActor, alertId: string, input: { note: string; seen: string }, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, alertId)
    if (alert.state !== 'pending_approval') throw new AppError('conflict', 'Questa allerta non è più in attesa di approvazione: ricarica la pagina.')
    if (alert.draftedBy === actor.id) throw new AppError('forbidden', 'La tua bozza puoi modificarla o ritirarla: a rimandarla indietro è chi la controlla.')
    if (input.seen !== alertFingerprint(alert)) throw new AppError('conflict', STALE_ALERT)
    await tx
      .update(alerts)
      .set({ state: 'draft', returnNote: input.note, returnedBy: actor.id, returnedAt: now, updatedAt: now })
      .where(eq(alerts.id, alert.id))
    await recordAudit(tx, {
      action: 'alert.reject',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: alert.level, note: input.note, draftedBy: alert.draftedBy },
    })
  })
}
