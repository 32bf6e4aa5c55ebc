import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'
import { realtimeEvents } from '@/db/schema/realtime'
import type { RealtimeData, RealtimeEvent } from './events-shared'

/** The one Postgres notification channel every Filo process listens on. */
export const NOTIFY_CHANNEL = 'filo_realtime'

/** pg_notify payloads must stay under 8000 bytes; a bigger event is announced by channel and seq only. */
const MAX_PAYLOAD = 7000

/**
 * Takes the channel's next sequence number. The counter row stays locked until the caller's
 * transaction ends, so a channel's events commit in sequence order and a rollback gives the
 * number back: sequences have no holes and never go backwards.
 */
export async function nextSeq(tx: DbOrTx, channel: string): Promise<number> {
  const [row] = await queryRows<{ seq: string | number }>(
    tx,
    sql`insert into realtime_channels (channel, last_seq) values (${channel}, 1)
        on conflict (channel) do update set last_seq = realtime_channels.last_seq + 1
        returning last_seq as seq`,
  )
  if (!row) throw new Error('realtime sequence not returned')
  return Number(row.seq)
}

/** Records the event at a sequence taken with nextSeq and notifies every process at commit. */
export async function appendEvent(tx: DbOrTx, event: Required<Pick<RealtimeEvent, 'seq'>> & RealtimeEvent): Promise<void> {
  if (payloadFits(event)) {
    // One round trip: the row and its notification.
    await tx.execute(sql`with added as (
        insert into realtime_events (channel, seq, type, data) values (${event.channel}, ${event.seq}, ${event.type}, ${JSON.stringify(event.data)}::jsonb)
        returning seq)
      select pg_notify(${NOTIFY_CHANNEL}, ${payloadOf(event)}) from added`)
    return
  }
  await tx.insert(realtimeEvents).values({ channel: event.channel, seq: event.seq, type: event.type, data: event.data })
  await sendNotification(tx, event)
}

/** nextSeq + appendEvent, in one statement: one event, inside the caller's transaction. */
export async function publish(tx: DbOrTx, channel: string, type: string, data: RealtimeData = {}): Promise<number> {
  if (!payloadFits({ channel, seq: Number.MAX_SAFE_INTEGER, type, data })) {
    const seq = await nextSeq(tx, channel)
    await appendEvent(tx, { channel, seq, type, data })
    return seq
  }
  const [row] = await queryRows<{ seq: string | number }>(
    tx,
    sql`with next as (
          insert into realtime_channels (channel, last_seq) values (${channel}, 1)
          on conflict (channel) do update set last_seq = realtime_channels.last_seq + 1
          returning last_seq),
        added as (
          insert into realtime_events (channel, seq, type, data)
          select ${channel}, last_seq, ${type}, ${JSON.stringify(data)}::jsonb from next
          returning seq)
        select seq, pg_notify(${NOTIFY_CHANNEL}, json_build_object('c', ${channel}::text, 's', seq, 't', ${type}::text, 'd', ${JSON.stringify(data)}::jsonb)::text)
        from added`,
  )
  if (!row) throw new Error('realtime event not written')
  return Number(row.seq)
}

function payloadOf(event: RealtimeEvent): string {
  return JSON.stringify({ c: event.channel, s: event.seq, t: event.type, d: event.data })
}

function payloadFits(event: RealtimeEvent): boolean {
  return Buffer.byteLength(payloadOf(event)) <= MAX_PAYLOAD
}

/** An event for whoever is listening now (typing…): no sequence, not stored, never replayed. */
export async function publishEphemeral(db: DbOrTx, channel: string, type: string, data: RealtimeData = {}): Promise<void> {
  await sendNotification(db, { channel, type, data })
}

async function sendNotification(db: DbOrTx, event: RealtimeEvent): Promise<void> {
  let payload = payloadOf(event)
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
    if (event.seq === undefined) return
    payload = JSON.stringify({ c: event.channel, s: event.seq })
  }
  await db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`)
}
