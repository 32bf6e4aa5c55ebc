import 'server-only'
import { eq } from 'drizzle-orm'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'

/** One account, for the admin's edit page; null when it does not exist. */
export async function getStaffMember(actor: StaffActor, staffId: string) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const [row] = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      officeId: staffUsers.officeId,
      active: staffUsers.active,
      lastSignInAt: staffUsers.lastSignInAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
  return row ?? null
}
