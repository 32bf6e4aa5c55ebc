import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { getDb } from '../db'
import type { Audience } from './schemas'
import { devicesQuery, recipientsQuery } from './audience'

/** How many citizens will find a message in their inbox, and how many devices it will reach. */
export async function countAudience(audience: Audience): Promise<{ citizens: number; devices: number }> {
  return countAudienceIn(await getDb(), audience)
}

/** countAudience inside a transaction: the same queries notify and the fan-out use. */
export async function countAudienceIn(db: DbOrTx, audience: Audience): Promise<{ citizens: number; devices: number }> {
  const [row] = await queryRows<{ citizens: number; devices: number }>(
    db,
    sql`select (select count(*)::int from (${recipientsQuery(audience)}) r) as citizens,
               (select count(*)::int from (${devicesQuery(audience)}) d) as devices`,
  )
  return { citizens: Number(row?.citizens ?? 0), devices: Number(row?.devices ?? 0) }
}
