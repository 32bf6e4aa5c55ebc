import 'server-only'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { getDb } from '../db'
import { assertOfficeAccess, type StaffActor } from '../auth/actor'

/** An office for its edit page; throws 'forbidden' for another office's staff, null when missing. */
export async function getOfficeForStaff(actor: StaffActor, officeId: number) {
  assertOfficeAccess(actor, officeId)
  const db = await getDb()
  const [office] = await db.select().from(offices).where(eq(offices.id, officeId))
  return office ?? null
}
