import 'server-only'
import { eq } from 'drizzle-orm'
import { pushServiceBlocks } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { getDb } from '../db'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'

/** After fixing the cause (usually the VAPID keys), an admin lets deliveries to a push service resume. */
export async function unblockPushService(actor: StaffActor, origin: string, context: RequestContext) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  await db.transaction(async (tx) => {
    const removed = await tx.delete(pushServiceBlocks).where(eq(pushServiceBlocks.origin, origin)).returning()
    if (removed.length) {
      await tx.insert(auditLog).values({
        action: 'push.service_unblocked',
        actorId: actor.id,
        actorLabel: actorLabel(actor),
        targetType: 'push_service',
        targetId: origin,
        ip: context.ip,
      })
    }
  })
}
