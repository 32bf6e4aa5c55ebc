import 'server-only'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { realtimeChannels } from '@/db/schema/realtime'
import { getDb } from '../db'

/** A channel's latest sequence: read it before a snapshot, then stream from it, and nothing falls in between. */
export async function currentSeq(channel: string, db?: DbOrTx): Promise<number> {
  const [row] = await (db ?? (await getDb()))
    .select({ lastSeq: realtimeChannels.lastSeq })
    .from(realtimeChannels)
    .where(eq(realtimeChannels.channel, channel))
  return Number(row?.lastSeq ?? 0)
}
