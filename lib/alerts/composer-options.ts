import 'server-only'
import { asc, eq, isNull } from 'drizzle-orm'
import { riskTemplates, waitingAreas, zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { ALERT_ROLES } from './create-alert'

/** What the alert composer offers: zones in use, active waiting areas, the instructions per risk. */
export async function getComposerOptions(actor: StaffActor) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  const [zoneRows, areaRows, templateRows] = await Promise.all([
    db.select({ id: zones.id, name: zones.name }).from(zones).where(isNull(zones.retiredAt)).orderBy(asc(zones.name)),
    db
      .select({ id: waitingAreas.id, name: waitingAreas.name, address: waitingAreas.address })
      .from(waitingAreas)
      .where(eq(waitingAreas.active, true))
      .orderBy(asc(waitingAreas.name)),
    db.select({ risk: riskTemplates.risk, instructions: riskTemplates.instructionsIt }).from(riskTemplates),
  ])
  return {
    zones: zoneRows,
    waitingAreas: areaRows,
    templates: Object.fromEntries(templateRows.map((t) => [t.risk, t.instructions])) as Record<string, string>,
  }
}

export type ComposerOptions = Awaited<ReturnType<typeof getComposerOptions>>
