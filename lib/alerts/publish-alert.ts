import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { queryRows } from '@/db/execute'
import type { Tx } from '@/db/client'
import { alertMessages, alerts, type Alert } from '@/db/schema/alerts'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { notify } from '../notify/notify'
import { publicContentChanged } from '../cache/public-content'
import { pushTopicFor } from '../notify/payload'
import { ALERT_ROLES } from './create-alert'
import { levelLabels } from './schemas'
import { alertFingerprint } from './alert-fingerprint'
import { resolveAlertArea } from './alert-area'
import { renderCapDocument } from './cap-documents'

export const STALE_ALERT = 'L’allerta è stata modificata dopo che hai aperto la pagina: ricaricala e rileggila prima di pubblicarla. Non è stato inviato nulla.'

export const MAX_PUSH_TTL_SECONDS = 28 * 24 * 3600

export const needsSecondPerson = (level: string) => level === 'arancione' || level === 'rossa'

export type PublishOutcome = { state: 'pending_approval' } | { state: 'active'; recipients: number; override: boolean }

/**
 * Publishes a draft. Orange and red alerts need a second civil-protection or admin user:
 * the drafter's request puts it in 'pending_approval', someone else's publishes it. An
 * admin may publish alone in an emergency by giving a reason; that override is recorded.
 */
export async function publishAlert(
  actor: StaffActor,
  alertId: string,
  options: { overrideReason?: string; /** alertFingerprint of what the person read; required to approve someone else's draft. */ seen?: string },
  context: RequestContext,
  now = new Date(),
): Promise<PublishOutcome> {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  return db.transaction(async (tx): Promise<PublishOutcome> => {
    const alert = await lockAlert(tx, alertId)
    if (alert.state !== 'draft' && alert.state !== 'pending_approval') {
      throw new AppError('conflict', 'Questa allerta è già stata pubblicata o chiusa.')
    }
    if (alert.validUntil <= now) throw new AppError('invalid_input', 'La validità di questa allerta è già finita: correggila prima di pubblicarla.')

    const override = Boolean(options.overrideReason?.trim())
    if (override && actor.role !== 'admin') throw new AppError('forbidden', 'Solo un amministratore può pubblicare senza seconda approvazione.')
    const secondPerson = alert.draftedBy !== actor.id
    if (options.seen !== undefined ? options.seen !== alertFingerprint(alert) : secondPerson) {
      throw new AppError('conflict', STALE_ALERT)
    }

    if (needsSecondPerson(alert.level) && !secondPerson && !override) {
      if (alert.state === 'pending_approval') {
        throw new AppError('forbidden', 'Un’allerta arancione o rossa deve essere approvata da un’altra persona.')
      }
      await tx.update(alerts).set({ state: 'pending_approval', updatedAt: now, returnNote: null, returnedBy: null, returnedAt: null }).where(eq(alerts.id, alert.id))
      await recordAudit(tx, { action: 'alert.submit', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'alert', targetId: alert.id, ip: context.ip, details: { level: alert.level } })
      return { state: 'pending_approval' }
    }

    // An override is one only when the rule asked for a second person who was not there: a
    // yellow alert, or someone else's draft, needs no exception, whatever reason was given.
    const flagged = override && needsSecondPerson(alert.level) && !secondPerson
    const published = await sendVersion(tx, alert, actor, 'Alert', now, flagged ? options.overrideReason!.trim() : null)
    await tx
      .update(alerts)
      .set({
        state: 'active',
        version: published.version,
        publishedAt: now,
        updatedAt: now,
        returnNote: null,
        returnedBy: null,
        returnedAt: null,
        approvedBy: needsSecondPerson(alert.level) && secondPerson ? actor.id : null,
        override: flagged,
        overrideReason: flagged ? options.overrideReason!.trim() : null,
      })
      .where(eq(alerts.id, alert.id))
    await recordAudit(tx, {
      action: flagged ? 'alert.override' : 'alert.publish',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: alert.id,
      ip: context.ip,
      details: { level: alert.level, recipients: published.recipients, devices: published.devices, draftedBy: alert.draftedBy, ...(flagged ? { reason: options.overrideReason } : {}) },
    })
    return { state: 'active', recipients: published.recipients, override: flagged }
  }).finally(publicContentChanged) // the home banner and the CAP feed change now, not at their next refresh
}

/** "Cessata allerta": ends an active alert explicitly and tells everyone who got it. */
export async function endAlert(actor: StaffActor, alertId: string, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const alert = await lockAlert(tx, alertId)
    if (alert.state !== 'active') throw new AppError('conflict', 'Solo un’allerta in corso può essere chiusa.')
    const published = await sendVersion(tx, alert, actor, 'Cancel', now)
    await tx.update(alerts).set({ state: 'ended', version: published.version, endedAt: now, updatedAt: now, pendingUpdate: null }).where(eq(alerts.id, alert.id))
    await recordAudit(tx, { action: 'alert.end', actorId: actor.id, actorLabel: actorLabel(actor), targetType: 'alert', targetId: alert.id, ip: context.ip, details: { recipients: published.recipients, devices: published.devices } })
    return published
  }).finally(publicContentChanged)
}

export async function lockAlert(tx: Tx, alertId: string): Promise<Alert> {
  const [alert] = await tx.select().from(alerts).where(eq(alerts.id, alertId)).for('update')
  if (!alert) throw new AppError('not_found', 'Allerta non trovata.')
  return alert
}

/** One CAP message and one notification, same Topic as the earlier ones so it replaces them. */
export async function sendVersion(tx: Tx, alert: Alert, actor: StaffActor, msgType: 'Alert' | 'Update' | 'Cancel', now: Date, overrideReason: string | null = null) {
  const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, 'protezione-civile'))
  if (!topic) throw new AppError('unavailable', 'Manca l’argomento Protezione civile.')
  const version = alert.version + 1
  const label = levelLabels[alert.level as keyof typeof levelLabels] ?? 'Allerta'
  const cancel = msgType === 'Cancel'
  const area = await resolveAlertArea(tx, alert)
  const { notificationId, recipients } = await notify(tx, {
    kind: 'alert',
    title: cancel ? `Cessata allerta: ${alert.headline}` : msgType === 'Update' ? `Aggiornamento – ${label}: ${alert.headline}` : `${label}: ${alert.headline}`,
    body: cancel ? 'L’allerta è terminata.' : (alert.instructions || alert.description).split('\n')[0]!.slice(0, 300),
    url: `/allerte/${alert.id}`,
    audience: area.targetZoneIds ? { topicId: topic.id, zoneIds: area.targetZoneIds } : { topicId: topic.id },
    // Every alert, update and cessata is delivered at once: at normal urgency Android may hold
    // it for minutes in Doze. Only orange and red ones stay on screen until the citizen acts.
    urgency: 'high',
    requireInteraction: !cancel && needsSecondPerson(alert.level),
    // Push services keep a message at most 28 days (RFC 8030 lets them cap it; FCM refuses more).
    ttlSeconds: cancel ? 6 * 3600 : Math.min(MAX_PUSH_TTL_SECONDS, Math.max(60, Math.floor((alert.validUntil.getTime() - now.getTime()) / 1000))),
    // Alert, updates and cessata share one tag: each replaces the previous one on the phone.
    tag: pushTopicFor('alert', alert.id),
    sourceType: 'alert',
    sourceId: alert.id,
    createdBy: actor.id,
  })
  // Devices that will get the push: for the audit log ("sent to N devices").
  const [reach] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from push_subscriptions ps join inbox_items i on i.citizen_id = ps.citizen_id where i.notification_id = ${notificationId} and ps.enabled`,
  )
  const devices = reach?.n ?? 0
  const [message] = await tx.insert(alertMessages).values({
    alertId: alert.id,
    identifier: `${alert.identifier}.${version}`,
    msgType,
    sent: now,
    // The area as it was at this moment, so the CAP document never changes afterwards.
    snapshot: { ...alert, version, area: { targetZoneIds: area.targetZoneIds ?? null, zoneNames: area.zoneNames, parts: area.parts } } as unknown as Record<string, unknown>,
    notificationId,
    publishedBy: actor.id,
    override: overrideReason !== null,
    overrideReason,
  }).returning()
  // Rendered once, now, and served as stored: a published document never changes.
  await tx.update(alertMessages).set({ capXml: await renderCapDocument(tx, message!) }).where(eq(alertMessages.id, message!.id))
  return { version, recipients, devices, notificationId }
}
