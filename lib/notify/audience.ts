import { sql, type SQL } from 'drizzle-orm'
import type { Notification } from '@/db/schema/notifications'
import type { Audience } from './schemas'
import { inZones } from './zones'

/**
 * Who a notification reaches, as SQL: the inbox (notify), the preview counts and the
 * deliveries (fan-out) all ask these queries, so the number staff see before sending is the
 * number of devices pushed to, and nobody is counted or pushed twice.
 */

/** The topics of a broadcast, or null for a message to one citizen. */
export function audienceTopicIds(audience: Audience): number[] | null {
  if ('topicId' in audience) return [audience.topicId]
  if ('topicIds' in audience) return [...new Set(audience.topicIds)]
  return null
}

/** The audience a stored notification was written for (see notify for where each part is kept). */
export function notificationAudience(n: Pick<Notification, 'topicId' | 'citizenId' | 'details'>): Audience | null {
  const zoneIds = Array.isArray(n.details.zoneIds) ? n.details.zoneIds.filter((z): z is number => typeof z === 'number') : undefined
  const topicIds = Array.isArray(n.details.topicIds) ? n.details.topicIds.filter((t): t is number => typeof t === 'number') : []
  if (topicIds.length > 1) return { topicIds, ...(zoneIds ? { zoneIds } : {}) }
  if (n.topicId !== null) return { topicId: n.topicId, ...(zoneIds ? { zoneIds } : {}) }
  const subscriptionId = typeof n.details.subscriptionId === 'string' ? n.details.subscriptionId : undefined
  // Its topic or its citizen was deleted meanwhile: it reaches nobody.
  if (n.citizenId === null) return null
  return { citizenId: n.citizenId, ...(subscriptionId ? { subscriptionId } : {}) }
}

function idList(ids: number[]): SQL {
  return sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`
}

/** `select citizen_id`: each citizen who finds the message in the inbox, once. */
export function recipientsQuery(audience: Audience): SQL {
  const topicIds = audienceTopicIds(audience)
  const zoneIds = 'citizenId' in audience ? undefined : audience.zoneIds
  if (topicIds === null) return sql`select id as citizen_id from citizens where id = ${'citizenId' in audience ? audience.citizenId : null}`
  if (topicIds.length === 1) {
    return sql`select ts.citizen_id from topic_subscriptions ts where ts.topic_id = ${topicIds[0]} and ${inZones(sql`ts.citizen_id`, zoneIds)}`
  }
  // A citizen following several of the topics is one recipient.
  return sql`select distinct ts.citizen_id from topic_subscriptions ts
    where ts.topic_id in ${idList(topicIds)} and ${inZones(sql`ts.citizen_id`, zoneIds)}`
}

/** `select id, origin` of push_subscriptions: each device the message is pushed to, once. */
export function devicesQuery(audience: Audience | null): SQL {
  if (audience === null) return sql`select ps.id, ps.origin from push_subscriptions ps where false`
  if ('citizenId' in audience) {
    return audience.subscriptionId
      ? sql`select ps.id, ps.origin from push_subscriptions ps where ps.id = ${audience.subscriptionId} and ps.citizen_id = ${audience.citizenId} and ps.enabled`
      : sql`select ps.id, ps.origin from push_subscriptions ps where ps.citizen_id = ${audience.citizenId} and ps.enabled`
  }
  const topicIds = audienceTopicIds(audience) ?? []
  if (topicIds.length === 1) {
    return sql`select ps.id, ps.origin from push_subscriptions ps
          join topic_subscriptions ts on ts.citizen_id = ps.citizen_id and ts.topic_id = ${topicIds[0]}
          where ps.enabled and ${inZones(sql`ps.citizen_id`, audience.zoneIds)}`
  }
  // exists, not a join: a device whose owner follows two of the topics is one delivery.
  return sql`select ps.id, ps.origin from push_subscriptions ps
        where ps.enabled
          and exists (select 1 from topic_subscriptions ts where ts.citizen_id = ps.citizen_id and ts.topic_id in ${idList(topicIds)})
          and ${inZones(sql`ps.citizen_id`, audience.zoneIds)}`
}
