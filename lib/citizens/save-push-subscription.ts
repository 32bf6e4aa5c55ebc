import 'server-only'
import { and, eq } from 'drizzle-orm'
import { pushSubscriptions } from '@/db/schema/citizens'
import { getDb } from '../db'
import { pushOriginOf } from '../push/push-origin'
import type { CitizenActor } from './actor'
import type { PushSubscriptionInput } from './schemas'

/**
 * Saves a device's subscription. The same endpoint again updates it (keys rotate, the
 * browser may be re-bound to a new citizen after an erase); a replacement announced by
 * the service worker drops the old endpoint of the same citizen.
 */
export async function savePushSubscription(citizen: CitizenActor, input: PushSubscriptionInput, now = new Date()) {
  const db = await getDb()
  return db.transaction(async (tx) => {
    if (input.previousEndpoint && input.previousEndpoint !== input.endpoint) {
      await tx
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.endpoint, input.previousEndpoint), eq(pushSubscriptions.citizenId, citizen.id)))
    }
    const values = {
      citizenId: citizen.id,
      endpoint: input.endpoint,
      origin: pushOriginOf(input.endpoint),
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      deviceLabel: input.deviceLabel ?? '',
      enabled: true,
      updatedAt: now,
    }
    const [row] = await tx
      .insert(pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
      .returning({ id: pushSubscriptions.id })
    if (!row) throw new Error('subscription upsert returned nothing')
    return row
  })
}
