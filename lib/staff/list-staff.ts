import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'

export type StaffListItem = Awaited<ReturnType<typeof listStaff>>[number]

export async function listStaff(actor: StaffActor) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      officeName: offices.name,
      active: staffUsers.active,
      lastSignInAt: staffUsers.lastSignInAt,
    })
    .from(staffUsers)
    .leftJoin(offices, eq(offices.id, staffUsers.officeId))
    .orderBy(asc(staffUsers.active), asc(staffUsers.name))
}
