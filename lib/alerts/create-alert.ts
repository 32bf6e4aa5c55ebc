import 'server-only'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '@/db/client'
import { comuneSettings } from '@/db/schema/comune'
import { alerts, waitingAreas, zones } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { polygonProblem, type Ring } from './geometry-shared'
import type { AlertDraftInput } from './schemas'

export const ALERT_ROLES = ['civil_protection', 'admin'] as const

/**
 * The longest an alert may stay in force from now. Alerts are renewed by updates; a month-long
 * "alert" would outlive its push (push services keep a message at most 28 days) and its meaning.
 */
export const MAX_VALIDITY_DAYS = 14
const MAX_VALIDITY_MS = MAX_VALIDITY_DAYS * 24 * 3600_000

/** The Italian refusal for a validity longer than MAX_VALIDITY_DAYS from now (or from the start). */
export function validityTooLong(validUntil: Date, validFrom: Date, now: Date): string | null {
  return validUntil.getTime() - Math.max(validFrom.getTime(), now.getTime()) > MAX_VALIDITY_MS
    ? `Un’allerta può valere al massimo ${MAX_VALIDITY_DAYS} giorni: se la situazione continua, pubblica un aggiornamento prima della scadenza.`
    : null
}

/** A draft alert: nothing reaches citizens until it is published (by two people for orange and red). */
export async function createAlertDraft(actor: StaffActor, input: AlertDraftInput, context: RequestContext, now = new Date()) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  return db.transaction(async (tx) => {
    const comune = await checkAlertDraft(tx, input, now)
    const stem = `it.comune.${comune.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${now.getUTCFullYear()}`
    const [row] = await tx
      .insert(alerts)
      .values({
        identifier: `${stem}.${crypto.randomUUID().slice(0, 8)}`,
        ...draftContent(input),
        draftedBy: actor.id,
      })
      .returning({ id: alerts.id, identifier: alerts.identifier })
    if (!row) throw new Error('alert insert returned nothing')
    await recordAudit(tx, {
      action: 'alert.draft',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'alert',
      targetId: row.id,
      ip: context.ip,
      details: { level: input.level, headline: input.headline },
    })
    return row
  })
}

/**
 * What every draft must satisfy when saved (created or edited): a future validity, a drawn
 * area inside the Comune that does not cross itself, zones and aree di attesa that exist and
 * are in use. Returns the Comune's settings.
 */
export async function checkAlertDraft(tx: Tx, input: AlertDraftInput, now: Date) {
  if (input.validUntil <= now) {
    throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { validUntil: 'La validità è già finita: un’allerta deve valere per il futuro.' })
  }
  const tooLong = validityTooLong(input.validUntil, input.validFrom, now)
  if (tooLong) throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { validUntil: tooLong })
  const [comune] = await tx.select({ shortName: comuneSettings.shortName, boundary: comuneSettings.boundary }).from(comuneSettings)
  if (!comune) throw new AppError('unavailable', 'Il Comune non è configurato.')
  if (input.customPolygon) {
    const problem = polygonProblem(input.customPolygon as Ring, comune.boundary.coordinates[0] as Ring)
    if (problem) throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { customPolygon: problem })
  }
  if (input.zoneIds.length) {
    const found = await tx.select({ id: zones.id }).from(zones).where(and(inArray(zones.id, input.zoneIds), isNull(zones.retiredAt)))
    if (found.length !== new Set(input.zoneIds).size) {
      throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { zoneIds: 'Una delle zone scelte non esiste più.' })
    }
  }
  if (input.waitingAreaIds.length) {
    const found = await tx
      .select({ id: waitingAreas.id })
      .from(waitingAreas)
      .where(and(inArray(waitingAreas.id, input.waitingAreaIds), eq(waitingAreas.active, true)))
    if (found.length !== new Set(input.waitingAreaIds).size) {
      throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { waitingAreaIds: 'Una delle aree di attesa scelte non esiste più o non è più in uso: ricarica la pagina e scegli di nuovo.' })
    }
  }
  return comune
}

/** The alert columns a draft's form sets. */
export function draftContent(input: AlertDraftInput) {
  return {
    level: input.level,
    phase: input.phase,
    risks: input.risks,
    headline: input.headline,
    description: input.description,
    comuneActions: input.comuneActions,
    instructions: input.instructions,
    sourceUrl: input.sourceUrl || null,
    issuer: input.issuer,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    zoneIds: [...new Set(input.zoneIds)],
    customPolygon: input.customPolygon ? { type: 'Polygon' as const, coordinates: [input.customPolygon] } : null,
    waitingAreaIds: [...new Set(input.waitingAreaIds)],
  }
}
