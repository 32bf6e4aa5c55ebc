import 'server-only'
import { and, asc, desc, eq, gt, inArray, or } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { comuneSettings } from '@/db/schema/comune'
import { alertMessages, alerts, waitingAreas, type Alert } from '@/db/schema/alerts'
import { getDb } from '../db'
import { resolveAlertArea } from './alert-area'
import type { Ring } from './geometry-shared'

const publicFields = {
  id: alerts.id,
  state: alerts.state,
  level: alerts.level,
  phase: alerts.phase,
  risks: alerts.risks,
  headline: alerts.headline,
  description: alerts.description,
  comuneActions: alerts.comuneActions,
  instructions: alerts.instructions,
  sourceUrl: alerts.sourceUrl,
  issuer: alerts.issuer,
  validFrom: alerts.validFrom,
  validUntil: alerts.validUntil,
  zoneIds: alerts.zoneIds,
  waitingAreaIds: alerts.waitingAreaIds,
  publishedAt: alerts.publishedAt,
  endedAt: alerts.endedAt,
  updatedAt: alerts.updatedAt,
}

/** Alerts in force now (published, not ended, not expired), most severe first. */
export async function listActiveAlerts(now = new Date()) {
  const db = await getDb()
  const rows = await db
    .select(publicFields)
    .from(alerts)
    .where(and(eq(alerts.state, 'active'), gt(alerts.validUntil, now)))
    .orderBy(desc(alerts.publishedAt))
  const rank = { rossa: 0, arancione: 1, gialla: 2, verde: 3 } as Record<string, number>
  return rows.sort((a, b) => (rank[a.level] ?? 9) - (rank[b.level] ?? 9))
}

/** Current alerts and those ended or expired in the last week. */
export async function listRecentAlerts(now = new Date()) {
  const db = await getDb()
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000)
  return db
    .select(publicFields)
    .from(alerts)
    .where(and(inArray(alerts.state, ['active', 'ended']), or(gt(alerts.validUntil, weekAgo), gt(alerts.endedAt, weekAgo))))
    .orderBy(desc(alerts.publishedAt))
    .limit(50)
}

/** A published alert with its area, waiting areas and message history; null for drafts. */
export async function getPublicAlert(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const db = await getDb()
  const [alert] = await db
    .select({ ...publicFields, customPolygon: alerts.customPolygon })
    .from(alerts)
    .where(and(eq(alerts.id, id), inArray(alerts.state, ['active', 'ended'])))
  if (!alert) return null
  return loadAlertPage(db, alert)
}

type AlertPageRow = Pick<Alert, keyof typeof publicFields | 'customPolygon'>

/**
 * Everything the alert page shows beyond the alert row: its area (as last published, from
 * the snapshot; for a draft, as it would be now), waiting areas, messages, the Comune's
 * outline for the area map. Also used for the preview the approver reads.
 */
export async function loadAlertPage(db: DbOrTx, alert: AlertPageRow) {
  const [areaRows, messages, latest, comune] = await Promise.all([
    // Without areas chosen for this alert, every active one: a citizen must always know where to go.
    db
      .select({ id: waitingAreas.id, name: waitingAreas.name, address: waitingAreas.address, latitude: waitingAreas.latitude, longitude: waitingAreas.longitude })
      .from(waitingAreas)
      .where(alert.waitingAreaIds.length ? inArray(waitingAreas.id, alert.waitingAreaIds) : eq(waitingAreas.active, true))
      .orderBy(asc(waitingAreas.name)),
    db.select({ msgType: alertMessages.msgType, sent: alertMessages.sent, identifier: alertMessages.identifier }).from(alertMessages).where(eq(alertMessages.alertId, alert.id)).orderBy(alertMessages.id),
    db.select({ snapshot: alertMessages.snapshot }).from(alertMessages).where(eq(alertMessages.alertId, alert.id)).orderBy(desc(alertMessages.id)).limit(1),
    db.select({ boundary: comuneSettings.boundary }).from(comuneSettings),
  ])
  const published = latest[0]?.snapshot.area as { zoneNames: string[]; parts: Array<{ polygon: Ring }> } | undefined
  const area = published
    ? { zoneNames: published.zoneNames, drawn: alert.customPolygon ? (published.parts[0]?.polygon ?? null) : null }
    : await resolveAlertArea(db, alert).then((r) => ({ zoneNames: r.zoneNames, drawn: r.drawn }))
  return {
    ...alert,
    area,
    boundary: (comune[0]?.boundary.coordinates[0] ?? []) as Ring,
    waitingAreas: areaRows,
    waitingAreasChosen: alert.waitingAreaIds.length > 0,
    messages,
  }
}

export type AlertPageData = Awaited<ReturnType<typeof loadAlertPage>>
