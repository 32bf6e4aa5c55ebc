import 'server-only'
import { eq } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import type { Alert } from '@/db/schema/alerts'
import { getDb } from '../db'
import { AppError } from '../errors'
import { assertRole, type StaffActor } from '../auth/actor'
import { countAudience } from '../notify/count-audience'
import { ALERT_ROLES } from './create-alert'
import { resolveAlertArea } from './alert-area'

/**
 * How many Protezione civile subscribers and devices an alert for this area would reach: the
 * chosen zones, the zones a drawn area touches, or (neither) the whole territory. The same
 * resolution publishing uses, so the number shown is the number pushed to.
 */
export async function countAlertAudience(actor: StaffActor, area: { zoneIds: number[]; customPolygon?: Alert['customPolygon'] }) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, 'protezione-civile'))
  if (!topic) throw new AppError('unavailable', 'Manca l’argomento Protezione civile.')
  const { targetZoneIds } = await resolveAlertArea(db, { zoneIds: area.zoneIds, customPolygon: area.customPolygon ?? null })
  return countAudience(targetZoneIds ? { topicId: topic.id, zoneIds: targetZoneIds } : { topicId: topic.id })
}
