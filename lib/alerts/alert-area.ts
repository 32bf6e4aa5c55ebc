import 'server-only'
import { inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { comuneSettings } from '@/db/schema/comune'
import { zones, type Alert } from '@/db/schema/alerts'
import { ringsIntersect, type Ring } from './geometry-shared'

/** Where an alert applies, as published in CAP and shown on its page. */
export type AlertAreaPart = { description: string; polygon: Ring }

export type ResolvedAlertArea = {
  /**
   * Whose chosen zones make them recipients: undefined for the whole territory (everyone);
   * for a drawn area, the standing zones it touches (possibly none: then only the citizens
   * who chose no zone, who get everything).
   */
  targetZoneIds: number[] | undefined
  /** The standing zones by name: those chosen, or those a drawn area touches. */
  zoneNames: string[]
  /** The area drawn for this alert only, [lon, lat] closed ring; null when zones or whole territory. */
  drawn: Ring | null
  /** CAP <area> blocks: the drawn area, the zones, or the Comune's boundary. */
  parts: AlertAreaPart[]
}

export const DRAWN_AREA_DESCRIPTION = 'Area indicata sulla mappa'

/**
 * The alert's area read from the standing zones as they are now: at publication it is frozen
 * into the CAP message's snapshot (a zone edited later changes nothing already published).
 */
export async function resolveAlertArea(db: DbOrTx, alert: Pick<Alert, 'zoneIds' | 'customPolygon'>): Promise<ResolvedAlertArea> {
  const drawn = (alert.customPolygon?.coordinates[0] ?? null) as Ring | null
  if (drawn) {
    const standing = await db.select({ id: zones.id, name: zones.name, polygon: zones.polygon }).from(zones).where(isNull(zones.retiredAt))
    const touched = standing.filter((z) => ringsIntersect(drawn, (z.polygon.coordinates[0] ?? []) as Ring))
    touched.sort((a, b) => a.name.localeCompare(b.name, 'it'))
    return { targetZoneIds: touched.map((z) => z.id), zoneNames: touched.map((z) => z.name), drawn, parts: [{ description: DRAWN_AREA_DESCRIPTION, polygon: drawn }] }
  }
  if (alert.zoneIds.length) {
    const chosen = await db.select({ id: zones.id, name: zones.name, polygon: zones.polygon }).from(zones).where(inArray(zones.id, alert.zoneIds))
    chosen.sort((a, b) => a.name.localeCompare(b.name, 'it'))
    return {
      targetZoneIds: alert.zoneIds,
      zoneNames: chosen.map((z) => z.name),
      drawn: null,
      parts: chosen.map((z) => ({ description: z.name, polygon: (z.polygon.coordinates[0] ?? []) as Ring })),
    }
  }
  const [comune] = await db.select({ name: comuneSettings.name, boundary: comuneSettings.boundary }).from(comuneSettings)
  return {
    targetZoneIds: undefined,
    zoneNames: [],
    drawn: null,
    parts: comune ? [{ description: `Territorio del ${comune.name}`, polygon: comune.boundary.coordinates[0] as Ring }] : [],
  }
}
