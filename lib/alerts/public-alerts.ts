import 'server-only'
import { and, asc, desc, eq, gt, inArray, or } from 'drizzle-orm'
import { alertMessages, alerts, waitingAreas, zones } from '@/db/schema/alerts'
import { getDb } from '../db'

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

/** A published alert with its zones, waiting areas and message history; null for drafts. */
export async function getPublicAlert(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const db = await getDb()
  const [alert] = await db
    .select(publicFields)
    .from(alerts)
    .where(and(eq(alerts.id, id), inArray(alerts.state, ['active', 'ended'])))
  if (!alert) return null
  const [zoneRows, areaRows, messages] = await Promise.all([
    alert.zoneIds.length ? db.select({ id: zones.id, name: zones.name }).from(zones).where(inArray(zones.id, alert.zoneIds)) : Promise.resolve([]),
    // Without areas chosen for this alert, every active one: a citizen must always know where to go.
    db
      .select({ id: waitingAreas.id, name: waitingAreas.name, address: waitingAreas.address, latitude: waitingAreas.latitude, longitude: waitingAreas.longitude })
      .from(waitingAreas)
      .where(alert.waitingAreaIds.length ? inArray(waitingAreas.id, alert.waitingAreaIds) : eq(waitingAreas.active, true))
      .orderBy(asc(waitingAreas.name)),
    db.select({ msgType: alertMessages.msgType, sent: alertMessages.sent, identifier: alertMessages.identifier }).from(alertMessages).where(eq(alertMessages.alertId, id)).orderBy(alertMessages.id),
  ])
  return { ...alert, zones: zoneRows, waitingAreas: areaRows, waitingAreasChosen: alert.waitingAreaIds.length > 0, messages }
}
