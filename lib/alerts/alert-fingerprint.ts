import { createHash } from 'node:crypto'
import type { Alert, PendingAlertUpdate } from '@/db/schema/alerts'

/**
 * The two-person rule holds only if the second person approves exactly what they read. The
 * approval forms carry these fingerprints of what the page showed; the lib functions refuse
 * the approval when the content changed since (a draft edited, an update replaced).
 */

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)
}

type AlertContent = Pick<
  Alert,
  | 'level'
  | 'phase'
  | 'risks'
  | 'headline'
  | 'description'
  | 'comuneActions'
  | 'instructions'
  | 'sourceUrl'
  | 'issuer'
  | 'validFrom'
  | 'validUntil'
  | 'zoneIds'
  | 'customPolygon'
  | 'waitingAreaIds'
>

/** What citizens would receive if this alert were published now. */
export function alertFingerprint(a: AlertContent): string {
  return digest([
    a.level,
    a.phase,
    a.risks,
    a.headline,
    a.description,
    a.comuneActions,
    a.instructions,
    a.sourceUrl,
    a.issuer,
    a.validFrom.toISOString(),
    a.validUntil.toISOString(),
    a.zoneIds,
    a.customPolygon?.coordinates ?? null,
    a.waitingAreaIds,
  ])
}

/** A waiting update, including who asked for it and when (a replacement is a different request). */
export function pendingUpdateFingerprint(p: PendingAlertUpdate): string {
  return digest([p.level, p.phase, p.headline, p.description, p.instructions, p.comuneActions, p.validUntil, p.requestedBy, p.requestedAt])
}
