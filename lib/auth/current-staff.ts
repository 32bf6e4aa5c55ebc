import 'server-only'
import { cache } from 'react'
import { eq } from 'drizzle-orm'
import { getServerSession } from 'next-auth'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { StaffActor } from './actor'
import { authOptions } from './options'

/**
 * The staff member behind this request, read fresh from the database every time: a
 * deactivated account, or a session older than the account's last security change,
 * is no longer signed in.
 */
export const getCurrentStaff = cache(async (): Promise<StaffActor | null> => {
  const session = await getServerSession(authOptions())
  if (!session?.staffId) return null
  const db = await getDb()
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      officeId: staffUsers.officeId,
      active: staffUsers.active,
      sessionVersion: staffUsers.sessionVersion,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, session.staffId))
  if (!user || !user.active || user.sessionVersion !== session.sv) return null
  return { kind: 'staff', id: user.id, email: user.email, name: user.name, role: user.role, officeId: user.officeId }
})

export async function requireStaff(): Promise<StaffActor> {
  const actor = await getCurrentStaff()
  if (!actor) throw new AppError('unauthenticated', 'La sessione è scaduta: accedi di nuovo.')
  return actor
}
