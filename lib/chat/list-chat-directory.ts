import 'server-only'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff } from './access'
import { listOnlineStaff } from './staff-presence'

export type ChatDirectory = {
  colleagues: Array<{ id: string; name: string; officeId: number | null; online: boolean }>
  offices: Array<{ id: number; name: string }>
}

/** Who a chat can be given to (with who is online now), and the offices. */
export async function listChatDirectory(actor: StaffActor): Promise<ChatDirectory> {
  assertChatStaff(actor)
  const db = await getDb()
  const [people, officeRows, online] = await Promise.all([
    db
      .select({ id: staffUsers.id, name: staffUsers.name, officeId: staffUsers.officeId })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), inArray(staffUsers.role, ['admin', 'operator', 'office'])))
      .orderBy(asc(staffUsers.name)),
    db.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.active, true)).orderBy(asc(offices.sortOrder)),
    listOnlineStaff(db),
  ])
  const onlineIds = new Set(online.map((o) => o.id))
  return { colleagues: people.map((p) => ({ ...p, online: onlineIds.has(p.id) })), offices: officeRows }
}
