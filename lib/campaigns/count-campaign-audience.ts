import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { CAMPAIGN_ROLES } from './schemas'

/** Citizens and devices (push on) reached by a message to any of these topics, each counted once. */
export async function countTopicsAudience(db: DbOrTx, topicIds: number[]): Promise<{ citizens: number; devices: number }> {
  if (topicIds.length === 0) return { citizens: 0, devices: 0 }
  const ids = JSON.stringify(topicIds)
  const [row] = await queryRows<{ citizens: number; devices: number }>(
    db,
    sql`with people as (
          select distinct ts.citizen_id from topic_subscriptions ts
          where ts.topic_id in (select (jsonb_array_elements_text(${ids}::jsonb))::int))
        select (select count(*)::int from people) as citizens,
               (select count(*)::int from push_subscriptions ps join people p on p.citizen_id = ps.citizen_id where ps.enabled) as devices`,
  )
  return { citizens: row?.citizens ?? 0, devices: row?.devices ?? 0 }
}

export async function countCampaignAudience(actor: StaffActor, topicIds: number[]) {
  assertRole(actor, CAMPAIGN_ROLES)
  return countTopicsAudience(await getDb(), topicIds)
}
