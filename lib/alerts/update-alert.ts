import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '@/db/client'
import { alerts, type Alert, type PendingAlertUpdate } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { ALERT_ROLES, validityTooLong } from './create-alert'
import { lockAlert, needsSecondPerson, sendVersion } from './publish-alert'
import type { AlertUpdateInput } from './schemas'
import { publicContentChanged } from '../cache/public-content'
import { pendingUpdateFingerprint } from './alert-fingerprint'

export type UpdateOutcome = { state: 'pending_approval' } | { state: 'sent'; recipients: number; override: boolean }

/**
 * Issues an update of a published alert (new level, text or validity): a CAP Update that
 * references the earlier messages and a notification with the same push Topic and tag, so
 * phones replace the earlier one. An update that is, or was, orange or red needs a second
 * person like the original: the request waits until someone else approves it, unless an
 * admin publishes it alone with a reason.
 */
export async function requestAlertUpdate(
  actor: StaffActor,
  input: AlertUpdateInput,
  options: { overrideReason?: string },
  context: RequestContext,
  now = new Date(),
): Promise<UpdateOutcome> {
  assertRole(actor, ALERT_ROLES)
  if (input.validUntil <= now) {
    throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { validUntil: 'La validità è già finita: un aggiornamento deve valere per il futuro.' })
  }
  const tooLong = validityTooLong(input.validUntil, now, now)
  if (tooLong) throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { validUntil: tooLong })
  const override = Boolean(options.overrideReason?.trim())
  if (override && actor.role !== 'admin') throw new AppError('forbidden', 'Solo un amministratore può pubblicare senza seconda approvazione.')
  const db = await getDb()
  return db.transaction(async (tx): Promise<UpdateOutcome> => {
    const alert = await lockAlert(tx, input.alertId)
    assertUpdatable(alert, now)
    // Replacing a waiting update would change what its approver is reading: it must be
    // approved or withdrawn first, in the open.
    if (alert.pendingUpdate) {
      throw new AppError('conflict', 'C’è già un aggiornamento in attesa di approvazione: approvalo o ritiralo prima di prepararne un altro.')
    }
    const pending: PendingAlertUpdate = {
      level: input.level,
      phase: input.phase,
      headline: input.headline,
      description: input.description,
      instructions: input.instructions,
      comuneActions: input.comuneActions,
      validUntil: input.validUntil.toISOString(),
      requestedBy: actor.id,
      requestedAt: now.toISOString(),
    }
    const twoPeople = needsSecondPerson(input.level) || needsSecondPerson(alert.level)
    if (twoPeople && !override) {
      await tx.update(alerts).set({ pendingUpdate: pending, updatedAt: now }).where(eq(alerts.id, alert.id))
      await recordAudit(tx, {
        action: 'alert.update_submit',
        actorId: actor.id,
        actorLabel: actorLabel(actor),
        targetType: 'alert',
        targetId: alert.id,
        ip: context.ip,
        details: { level: input.level, headline: input.headline },
      })
      return { state: 'pending_approval' }
    }
    const flagged = override && twoPeople
    const { recipients, devices } = await applyUpdate(tx, alert, pending, actor, now, flagged ? options.overrideReason!.trim() : null)
    await recordAudit(tx, {
      action: flagged ? 'alert.update_override' : 'alert.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: input.level, previousLevel: alert.level, recipients, devices, ...(override && twoPeople ? { reason: options.overrideReason } : {}) },
    })
    return { state: 'sent', recipients, override: override && twoPeople }
  }).finally(publicContentChanged) // the home banner and the CAP feed show the update now
}

/** A second person (not who asked for it) publishes a waiting update; an admin may with a reason. */
export async function approveAlertUpdate(
  actor: StaffActor,
  alertId: string,
  options: { overrideReason?: string; /** pendingUpdateFingerprint of the update the person read. */ seen: string },
  context: RequestContext,
  now = new Date(),
): Promise<UpdateOutcome> {
  assertRole(actor, ALERT_ROLES)
  const override = Boolean(options.overrideReason?.trim())
  if (override && actor.role !== 'admin') throw new AppError('forbidden', 'Solo un amministratore può pubblicare senza seconda approvazione.')
  const db = await getDb()
  return db.transaction(async (tx): Promise<UpdateOutcome> => {
    const alert = await lockAlert(tx, alertId)
    assertUpdatable(alert, now)
    const pending = alert.pendingUpdate
    if (!pending) throw new AppError('conflict', 'Non c’è più nessun aggiornamento in attesa per questa allerta: ricarica la pagina.')
    if (options.seen !== pendingUpdateFingerprint(pending)) throw new AppError('conflict', STALE_UPDATE)
    const secondPerson = pending.requestedBy !== actor.id
    if (!secondPerson && !override) throw new AppError('forbidden', 'L’aggiornamento di un’allerta arancione o rossa deve essere approvato da un’altra persona.')
    if (new Date(pending.validUntil) <= now) {
      throw new AppError('invalid_input', 'La validità di questo aggiornamento è già finita: preparane uno nuovo.')
    }
    const { recipients, devices } = await applyUpdate(tx, alert, pending, actor, now, secondPerson ? null : options.overrideReason!.trim())
    await recordAudit(tx, {
      action: secondPerson ? 'alert.update' : 'alert.update_override',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: pending.level, previousLevel: alert.level, recipients, devices, requestedBy: pending.requestedBy, ...(secondPerson ? {} : { reason: options.overrideReason }) },
    })
    return { state: 'sent', recipients, override: !secondPerson }
  }).finally(publicContentChanged)
}

export const STALE_UPDATE = 'L’aggiornamento in attesa è cambiato dopo che hai aperto la pagina: ricaricala e rileggilo prima di approvarlo. Non è stato inviato nulla.'

/** Withdraws a waiting update (who asked for it, or an admin): nothing is sent. */
export async function withdrawAlertUpdate(actor: StaffActor, alertId: string, seen: string, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, alertId)
    const pending = alert.pendingUpdate
    if (!pending) throw new AppError('conflict', 'Non c’è più nessun aggiornamento in attesa per questa allerta: ricarica la pagina.')
    if (pending.requestedBy !== actor.id && actor.role !== 'admin') {
      throw new AppError('forbidden', 'Solo chi ha preparato l’aggiornamento o un amministratore può ritirarlo.')
    }
    if (seen !== pendingUpdateFingerprint(pending)) throw new AppError('conflict', STALE_UPDATE)
    await tx.update(alerts).set({ pendingUpdate: null, updatedAt: now }).where(eq(alerts.id, alert.id))
    await recordAudit(tx, {
      action: 'alert.update_withdraw',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: pending.level, headline: pending.headline, requestedBy: pending.requestedBy },
    })
  })
}

function assertUpdatable(alert: Alert, now: Date) {
  if (alert.state !== 'active') throw new AppError('conflict', 'Si può aggiornare solo un’allerta in corso.')
  if (alert.validUntil <= now) throw new AppError('conflict', 'Questa allerta è già scaduta: preparane una nuova.')
}

async function applyUpdate(
  tx: Tx,
  alert: Alert,
  pending: PendingAlertUpdate,
  actor: StaffActor,
  now: Date,
  /** Set when an admin publishes it without the second person: recorded on the message. */
  overrideReason: string | null,
): Promise<{ recipients: number; devices: number }> {
  const updated: Alert = {
    ...alert,
    level: pending.level,
    phase: pending.phase,
    headline: pending.headline,
    description: pending.description,
    instructions: pending.instructions,
    comuneActions: pending.comuneActions,
    validUntil: new Date(pending.validUntil),
    pendingUpdate: null,
  }
  const published = await sendVersion(tx, updated, actor, 'Update', now, overrideReason)
  await tx
    .update(alerts)
    .set({
      level: updated.level,
      phase: updated.phase,
      headline: updated.headline,
      description: updated.description,
      instructions: updated.instructions,
      comuneActions: updated.comuneActions,
      validUntil: updated.validUntil,
      pendingUpdate: null,
      version: published.version,
      updatedAt: now,
    })
    .where(eq(alerts.id, alert.id))
  return { recipients: published.recipients, devices: published.devices }
}
