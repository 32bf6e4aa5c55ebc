import 'server-only'
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff, staffScope } from './access'
import { citizenLabel, inboxViews, type InboxItem, type InboxView } from './schemas'

function viewFilter(actor: StaffActor, view: InboxView, officeId: number | null): SQL | undefined {
  const active = inArray(conversations.status, ['open', 'pending'])
  switch (view) {
    case 'open':
      return eq(conversations.status, 'open')
    case 'pending':
      return eq(conversations.status, 'pending')
    case 'snoozed':
      return eq(conversations.status, 'snoozed')
    case 'resolved':
      return eq(conversations.status, 'resolved')
    case 'mine':
      return and(active, eq(conversations.assigneeId, actor.id))
    case 'unassigned':
      return and(active, isNull(conversations.assigneeId))
    case 'office':
      return and(active, officeId === null ? isNull(conversations.officeId) : eq(conversations.officeId, officeId))
  }
}

/** One inbox view, escalated chats first, then the longest-waiting; with unread counts. */
export async function listInbox(
  actor: StaffActor,
  options: { view: InboxView; officeId?: number | null; conversationId?: string },
): Promise<InboxItem[]> {
  assertChatStaff(actor)
  const db = await getDb()
  const officeId = options.officeId ?? (actor.role === 'office' ? actor.officeId : null)
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      citizenId: conversations.citizenId,
      officeId: conversations.officeId,
      officeName: offices.name,
      assigneeId: conversations.assigneeId,
      assigneeName: staffUsers.name,
      lastMessageAt: conversations.lastMessageAt,
      waitingSince: conversations.waitingSince,
      escalatedAt: conversations.escalatedAt,
      snoozedUntil: conversations.snoozedUntil,
      unread: sql<number>`(select count(*)::int from chat_messages m where m.conversation_id = conversations.id and m.author_type = 'citizen' and m.seq > conversations.staff_read_seq)`,
      preview: sql<string | null>`(select case m.kind when 'text' then m.body when 'image' then '📷 Foto' when 'video' then '🎬 Video' when 'location' then '📍 Posizione' else m.body end
        from chat_messages m where m.conversation_id = conversations.id and m.kind not in ('note', 'auto_reply') order by m.seq desc limit 1)`,
    })
    .from(conversations)
    .leftJoin(offices, eq(offices.id, conversations.officeId))
    .leftJoin(staffUsers, eq(staffUsers.id, conversations.assigneeId))
    .where(
      and(
        sql`${conversations.lastMessageAt} is not null`,
        staffScope(actor),
        options.conversationId ? eq(conversations.id, options.conversationId) : viewFilter(actor, options.view, officeId),
      ),
    )
    .orderBy(sql`${conversations.escalatedAt} is null`, sql`${conversations.waitingSince} asc nulls last`, desc(conversations.lastMessageAt))
    .limit(100)
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    citizenLabel: citizenLabel(r.citizenId),
    officeId: r.officeId,
    officeName: r.officeName,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    preview: (r.preview ?? '').slice(0, 120),
    lastMessageAt: r.lastMessageAt?.toISOString() ?? null,
    waitingSince: r.waitingSince?.toISOString() ?? null,
    escalated: r.escalatedAt !== null,
    unread: r.unread,
    snoozedUntil: r.snoozedUntil?.toISOString() ?? null,
  }))
}

/** How many chats each view holds (and how many have unread messages), for the tabs and the tab badge. */
export async function countInbox(actor: StaffActor): Promise<{ views: Record<InboxView, number>; unread: number; escalated: number }> {
  assertChatStaff(actor)
  const db = await getDb()
  const officeId = actor.role === 'office' ? actor.officeId : null
  const columns = Object.fromEntries(
    inboxViews.map((view) => [view, sql<number>`count(*) filter (where ${viewFilter(actor, view, officeId) ?? sql`true`})::int`]),
  ) as Record<InboxView, SQL<number>>
  const [row] = await db
    .select({
      ...columns,
      unread: sql<number>`count(*) filter (where exists (select 1 from chat_messages m where m.conversation_id = conversations.id and m.author_type = 'citizen' and m.seq > conversations.staff_read_seq) and conversations.status <> 'resolved')::int`,
      escalated: sql<number>`count(*) filter (where conversations.escalated_at is not null and conversations.status = 'open')::int`,
    })
    .from(conversations)
    .where(and(sql`${conversations.lastMessageAt} is not null`, staffScope(actor)))
  const views = Object.fromEntries(inboxViews.map((v) => [v, Number((row as Record<string, number> | undefined)?.[v] ?? 0)])) as Record<InboxView, number>
  return { views, unread: row?.unread ?? 0, escalated: row?.escalated ?? 0 }
}
