import 'server-only'
import { asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { alertMessages, alerts, waitingAreas } from '@/db/schema/alerts'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { ALERT_ROLES } from './create-alert'
import { loadAlertPage } from './public-alerts'
import { alertFingerprint, pendingUpdateFingerprint } from './alert-fingerprint'

const drafter = alias(staffUsers, 'drafter')
const approver = alias(staffUsers, 'approver')
const returner = alias(staffUsers, 'returner')

/** One alert as the staff page shows it, with the names of its zones, areas and people; null when missing. */
export async function getAlertForStaff(actor: StaffActor, alertId: string) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  const [row] = await db
    .select({ alert: alerts, draftedByName: drafter.name, approvedByName: approver.name, returnedByName: returner.name })
    .from(alerts)
    .leftJoin(drafter, eq(drafter.id, alerts.draftedBy))
    .leftJoin(approver, eq(approver.id, alerts.approvedBy))
    .leftJoin(returner, eq(returner.id, alerts.returnedBy))
    .where(eq(alerts.id, alertId))
  if (!row) return null
  const { alert } = row
  const [page, areaRows, messages, requester] = await Promise.all([
    loadAlertPage(db, alert),
    alert.waitingAreaIds.length
      ? db.select({ id: waitingAreas.id, name: waitingAreas.name, address: waitingAreas.address }).from(waitingAreas).where(inArray(waitingAreas.id, alert.waitingAreaIds))
      : [],
    db
      .select({
        id: alertMessages.id,
        identifier: alertMessages.identifier,
        msgType: alertMessages.msgType,
        sent: alertMessages.sent,
        override: alertMessages.override,
        overrideReason: alertMessages.overrideReason,
      })
      .from(alertMessages)
      .where(eq(alertMessages.alertId, alert.id))
      .orderBy(asc(alertMessages.id)),
    alert.pendingUpdate
      ? db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, alert.pendingUpdate.requestedBy)).then((r) => r[0]?.name ?? null)
      : null,
  ])
  return {
    ...alert,
    /** What the approval forms send back: approving refuses anything else. */
    fingerprint: alertFingerprint(alert),
    pendingFingerprint: alert.pendingUpdate ? pendingUpdateFingerprint(alert.pendingUpdate) : null,
    draftedByName: row.draftedByName,
    pendingRequestedByName: requester,
    approvedByName: row.approvedByName,
    returnedByName: row.returnedByName,
    zoneNames: page.area.zoneNames,
    drawnArea: page.area.drawn,
    /** The citizens' page for this alert, for the approver's preview. */
    page,
    waitingAreas: areaRows,
    messages,
  }
}

export type StaffAlert = NonNullable<Awaited<ReturnType<typeof getAlertForStaff>>>
