import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { notifications } from '@/db/schema/notifications'
import { enqueue } from '../jobs/boss'
import { pushTopicFor } from './payload'
import { audienceTopicIds, recipientsQuery } from './audience'
import type { NotificationInput } from './schemas'

export const FANOUT_QUEUE = 'notification-fanout'

/**
 * The one way out to citizens: writes the notification and every recipient's inbox entry,
 * and enqueues the push fan-out, all in the caller's transaction — if the caller rolls
 * back, nobody is told anything.
 */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<{ notificationId: string; recipients: number }> {
  const audience = input.audience
  const topicIds = audienceTopicIds(audience)
  if (topicIds?.length === 0) throw new Error('a notification to topics needs at least one topic')
  const pushTopic = input.pushTopic ?? (input.sourceType && input.sourceId ? pushTopicFor(input.sourceType, input.sourceId) : null)
  const [row] = await tx
    .insert(notifications)
    .values({
      kind: input.kind,
      title: input.title,
      body: input.body,
      url: input.url,
      // The first topic names the message in staff lists; all of them are kept in details.
      topicId: topicIds?.[0] ?? null,
      citizenId: 'citizenId' in audience ? audience.citizenId : null,
      urgency: input.urgency ?? 'normal',
      ttlSeconds: input.ttlSeconds ?? 86_400,
      pushTopic,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
      createdBy: input.createdBy ?? null,
      details: {
        ...('subscriptionId' in audience && audience.subscriptionId ? { subscriptionId: audience.subscriptionId } : {}),
        ...(topicIds && topicIds.length > 1 ? { topicIds } : {}),
        ...('zoneIds' in audience && audience.zoneIds ? { zoneIds: audience.zoneIds } : {}),
        ...(input.tag ? { tag: input.tag } : {}),
        ...(input.requireInteraction !== undefined ? { requireInteraction: input.requireInteraction } : {}),
      },
    })
    .returning({ id: notifications.id })
  if (!row) throw new Error('notification insert returned nothing')

  // Inbox rows are written by the database in one statement: a topic may have 100,000 readers.
  const [counted] = await queryRows<{ n: number }>(
    tx,
    sql`with added as (
          insert into inbox_items (citizen_id, notification_id)
          select citizen_id, ${row.id}::uuid from (${recipientsQuery(audience)}) recipients
          on conflict do nothing
          returning 1)
        select count(*)::int as n from added`,
  )

  await enqueue(tx, FANOUT_QUEUE, { notificationId: row.id })
  return { notificationId: row.id, recipients: counted?.n ?? 0 }
}

