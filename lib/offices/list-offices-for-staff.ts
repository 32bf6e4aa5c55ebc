import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'

/** The offices a staff member may manage: all of them, or only their own for office staff. */
export async function listOfficesForStaff(actor: StaffActor) {
  assertRole(actor, ['admin', 'operator', 'office'])
  const db = await getDb()
  const query = db
    .select({ id: offices.id, name: offices.name, address: offices.address, updatedAt: offices.updatedAt })
    .from(offices)
  return actor.role === 'office'
    ? query.where(eq(offices.id, actor.officeId ?? -1)).orderBy(asc(offices.sortOrder))
    : query.orderBy(asc(offices.sortOrder))
}

/** Every office's id and name, for choosing an office in a form. */
export async function listOfficeChoices(actor: StaffActor) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  return db.select({ id: offices.id, name: offices.name }).from(offices).orderBy(asc(offices.sortOrder))
}
