import 'server-only'
import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm'
import { comuneSettings } from '@/db/schema/comune'
import type { DbOrTx } from '@/db/client'
import { alertMessages, alerts, zones, type AlertMessage } from '@/db/schema/alerts'
import { getDb } from '../db'
import { getEnv } from '../env'
import { buildAtomFeed, buildCapXml, type AlertLevel, type AlertPhase, type CapAlert, type RiskCode } from './cap'

type Snapshot = {
  id: string
  level: AlertLevel
  phase: AlertPhase | null
  risks: RiskCode[]
  headline: string
  description: string
  comuneActions: string
  instructions: string
  sourceUrl: string | null
  issuer: string
  validFrom: string
  validUntil: string
  zoneIds: number[]
  customPolygon: { coordinates: Array<Array<[number, number]>> } | null
  /** The area frozen at publication (absent in messages sent before it was kept). */
  area?: { parts: Array<{ description: string; polygon: Array<[number, number]> }> }
}

/** The CAP 1.2 document of one published message, exactly as it was when sent; null if unknown. */
export async function getCapDocument(identifier: string): Promise<string | null> {
  const db = await getDb()
  const [message] = await db.select().from(alertMessages).where(eq(alertMessages.identifier, identifier))
  if (!message) return null
  // Messages sent before documents were stored are rendered from their snapshot.
  return message.capXml ?? renderCapDocument(db, message)
}

/** Builds a message's CAP document from its snapshot (its area included, when the snapshot has it). */
export async function renderCapDocument(db: DbOrTx, message: AlertMessage): Promise<string | null> {
  const [comune] = await db.select().from(comuneSettings)
  if (!comune) return null
  const earlier = await db
    .select({ identifier: alertMessages.identifier, sent: alertMessages.sent })
    .from(alertMessages)
    .where(and(eq(alertMessages.alertId, message.alertId), lt(alertMessages.id, message.id)))
    .orderBy(asc(alertMessages.id))
  const snapshot = message.snapshot as unknown as Snapshot
  const sender = capSender(comune.email)
  const areaZones =
    snapshot.area || !snapshot.zoneIds.length ? [] : await db.select({ name: zones.name, polygon: zones.polygon }).from(zones).where(inArray(zones.id, snapshot.zoneIds))
  const areas: CapAlert['areas'] = snapshot.area
    ? snapshot.area.parts
    : snapshot.customPolygon
    ? [{ description: 'Area indicata sulla mappa', polygon: snapshot.customPolygon.coordinates[0] ?? [] }]
    : areaZones.length
      ? areaZones.map((z) => ({ description: z.name, polygon: (z.polygon.coordinates[0] ?? []) as Array<[number, number]> }))
      : [{ description: `Territorio del ${comune.name}`, polygon: comune.boundary.coordinates[0] as Array<[number, number]> }]
  const cap: CapAlert = {
    identifier: message.identifier,
    sender,
    sent: message.sent,
    status: 'Actual',
    msgType: message.msgType as CapAlert['msgType'],
    references: earlier.map((e) => ({ sender, identifier: e.identifier, sent: e.sent })),
    level: snapshot.level,
    phase: snapshot.phase,
    risks: snapshot.risks,
    effective: new Date(snapshot.validFrom),
    expires: new Date(snapshot.validUntil),
    senderName: `${comune.name} – ${snapshot.issuer}`,
    headline: snapshot.headline,
    description: snapshot.description,
    instruction: snapshot.instructions,
    web: `${getEnv().FILO_PUBLIC_URL}/allerte/${snapshot.id}`,
    contact: comune.phone,
    sourceUrl: snapshot.sourceUrl,
    areas,
    comuneActions: snapshot.comuneActions || undefined,
  }
  return buildCapXml(cap)
}

/** CAP sender: the Comune's address, which has no spaces or commas by construction. */
function capSender(email: string): string {
  return email.replace(/[\s,<&]/g, '')
}

/** Atom feed of the alerts in force, each linking to its latest CAP message. */
export async function getCapFeed(now = new Date()): Promise<string> {
  const db = await getDb()
  const base = getEnv().FILO_PUBLIC_URL
  const [comune] = await db.select({ name: comuneSettings.name }).from(comuneSettings)
  const current = await db
    .select({ id: alerts.id, level: alerts.level, headline: alerts.headline, description: alerts.description, updatedAt: alerts.updatedAt })
    .from(alerts)
    .where(and(eq(alerts.state, 'active'), gt(alerts.validUntil, now)))
    .orderBy(desc(alerts.updatedAt))
  const entries = []
  for (const alert of current) {
    const [latest] = await db.select().from(alertMessages).where(eq(alertMessages.alertId, alert.id)).orderBy(desc(alertMessages.id)).limit(1)
    if (!latest) continue
    entries.push({
      identifier: latest.identifier,
      sent: latest.sent,
      updated: alert.updatedAt,
      headline: alert.headline,
      summary: alert.description.slice(0, 300),
      level: alert.level as AlertLevel,
      url: `${base}/cap/alerts/${latest.identifier}.xml`,
    })
  }
  return buildAtomFeed(entries, {
    title: `Allerte di protezione civile – ${comune?.name ?? 'Filo'}`,
    selfUrl: `${base}/cap/alerts.atom`,
    id: `${base}/cap/alerts.atom`,
    updated: entries[0]?.updated ?? now,
    author: comune?.name ?? 'Filo',
  })
}
