import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { notifications } from '@/db/schema/notifications'
import { enqueue } from '../jobs/boss'
import { pushTopicFor } from './payload'
import { inZones } from './zones'
import type { NotificationInput } from './schemas'

export const FANOUT_QUEUE = 'notification-fanout'

/**
 * The one way out to citizens: writes the notification and every recipient's inbox entry,
 * and enqueues the push fan-out, all in the caller's transaction — if the caller rolls
 * back, nobody is told anything.
 */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<{ notificationId: string; recipients: number }> {
  const audience = input.audience
  const pushTopic = input.pushTopic ?? (input.sourceType && input.sourceId ? pushTopicFor(input.sourceType, input.sourceId) : null)
  const [row] = await tx
    .insert(notifications)
    .values({
      kind: input.kind,
      title: input.title,
      body: input.body,
      url: input.url,
      topicId: 'topicId' in audience ? audience.topicId : null,
      citizenId: 'citizenId' in audience ? audience.citizenId : null,
      urgency: input.urgency ?? 'normal',
      ttlSeconds: input.ttlSeconds ?? 86_400,
      pushTopic,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
      createdBy: input.createdBy ?? null,
      details: {
        ...('subscriptionId' in audience && audience.subscriptionId ? { subscriptionId: audience.subscriptionId } : {}),
        ...('zoneIds' in audience && audience.zoneIds?.length ? { zoneIds: audience.zoneIds } : {}),
        ...(input.tag ? { tag: input.tag } : {}),
      },
    })
    .returning({ id: notifications.id })
  if (!row) throw new Error('notification insert returned nothing')

  // Inbox rows are written by the database in one statement: a topic may have 100,000 readers.
  const recipientsQuery =
    'topicId' in audience
      ? sql`select ts.citizen_id from topic_subscriptions ts where ts.topic_id = ${audience.topicId} and ${inZones(sql`ts.citizen_id`, audience.zoneIds)}`
      : sql`select id as citizen_id from citizens where id = ${audience.citizenId}`
  const [counted] = await queryRows<{ n: number }>(
    tx,
    sql`with added as (
          insert into inbox_items (citizen_id, notification_id)
          select citizen_id, ${row.id}::uuid from (${recipientsQuery}) recipients
          on conflict do nothing
          returning 1)
        select count(*)::int as n from added`,
  )

  await enqueue(tx, FANOUT_QUEUE, { notificationId: row.id })
  return { notificationId: row.id, recipients: counted?.n ?? 0 }
}

