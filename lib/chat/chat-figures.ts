import 'server-only'
import { sql } from 'drizzle-orm'
import { queryRows } from '@/db/execute'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff } from './access'

export type ChatFigures = {
  days: number
  conversations: number
  messages: number
  /** Median and 90th percentile of the citizens' waits for a first answer, in seconds. */
  firstResponseMedian: number | null
  firstResponseP90: number | null
  /** Median time from a chat's first message to its resolution, in seconds. */
  resolutionMedian: number | null
  /** Citizen messages by hour of the day (0–23, Rome) and by day ("YYYY-MM-DD", Rome). */
  byHour: number[]
  byDay: Array<{ day: string; messages: number }>
}

/** Figures for the dashboard over the last `days` days. */
export async function getChatFigures(actor: StaffActor, days = 30, now = new Date()): Promise<ChatFigures> {
  assertChatStaff(actor)
  const db = await getDb()
  // As text: postgres.js does not take Date parameters in raw SQL.
  const since = sql`${new Date(now.getTime() - days * 86_400_000).toISOString()}::timestamptz`
  const [totals] = await queryRows<{ conversations: number; messages: number; frt50: number | null; frt90: number | null }>(
    db,
    sql`select
          (select count(distinct conversation_id)::int from chat_messages where author_type = 'citizen' and created_at >= ${since}) as conversations,
          (select count(*)::int from chat_messages where author_type = 'citizen' and created_at >= ${since}) as messages,
          (select percentile_cont(0.5) within group (order by response_seconds) from chat_messages where response_seconds is not null and created_at >= ${since}) as frt50,
          (select percentile_cont(0.9) within group (order by response_seconds) from chat_messages where response_seconds is not null and created_at >= ${since}) as frt90`,
  )
  const [resolution] = await queryRows<{ median: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by extract(epoch from c.resolved_at - f.first_at)) as median
        from conversations c
        join lateral (select min(m.created_at) as first_at from chat_messages m where m.conversation_id = c.id) f on true
        where c.resolved_at >= ${since} and f.first_at is not null`,
  )
  const hours = await queryRows<{ hour: number; n: number }>(
    db,
    sql`select extract(hour from created_at at time zone 'Europe/Rome')::int as hour, count(*)::int as n
        from chat_messages where author_type = 'citizen' and created_at >= ${since} group by 1`,
  )
  const perDay = await queryRows<{ day: string; n: number }>(
    db,
    sql`select to_char(created_at at time zone 'Europe/Rome', 'YYYY-MM-DD') as day, count(*)::int as n
        from chat_messages where author_type = 'citizen' and created_at >= ${since} group by 1 order by 1`,
  )
  const byHour = Array.from({ length: 24 }, () => 0)
  for (const h of hours) byHour[h.hour] = Number(h.n)
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)))
  return {
    days,
    conversations: Number(totals?.conversations ?? 0),
    messages: Number(totals?.messages ?? 0),
    firstResponseMedian: num(totals?.frt50),
    firstResponseP90: num(totals?.frt90),
    resolutionMedian: num(resolution?.median),
    byHour,
    byDay: perDay.map((d) => ({ day: d.day, messages: Number(d.n) })),
  }
}
