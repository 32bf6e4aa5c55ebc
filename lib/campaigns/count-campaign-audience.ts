import 'server-only'
import type { DbOrTx } from '@/db/client'
import { countAudienceIn } from '../notify/count-audience'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { CAMPAIGN_ROLES } from './schemas'

/** Citizens and devices (push on) reached by a message to any of these topics, each counted once. */
export async function countTopicsAudience(db: DbOrTx, topicIds: number[]): Promise<{ citizens: number; devices: number }> {
  if (topicIds.length === 0) return { citizens: 0, devices: 0 }
  return countAudienceIn(db, { topicIds })
}

export async function countCampaignAudience(actor: StaffActor, topicIds: number[]) {
  assertRole(actor, CAMPAIGN_ROLES)
  return countTopicsAudience(await getDb(), topicIds)
}
