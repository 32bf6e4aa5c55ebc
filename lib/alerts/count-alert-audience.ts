import 'server-only'
import { eq } from 'drizzle-orm'
import { topics } from '@/db/schema/topics'
import { getDb } from '../db'
import { AppError } from '../errors'
import { assertRole, type StaffActor } from '../auth/actor'
import { countAudience } from '../notify/count-audience'
import { ALERT_ROLES } from './create-alert'

/** How many Protezione civile subscribers and devices an alert for these zones would reach (none = whole territory). */
export async function countAlertAudience(actor: StaffActor, zoneIds: number[]) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, 'protezione-civile'))
  if (!topic) throw new AppError('unavailable', 'Manca l’argomento Protezione civile.')
  return countAudience({ topicId: topic.id, zoneIds })
}
