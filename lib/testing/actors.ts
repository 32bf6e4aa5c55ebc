import { eq } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { citizens } from '@/db/schema/citizens'
import { staffUsers } from '@/db/schema/staff'
import type { StaffActor } from '../auth/actor'
import type { CitizenActor } from '../citizens/actor'
import { AppError } from '../errors'

/** Integration tests' people: a fresh citizen who has accepted the privacy notice, staff by their demo email. */
export async function newCitizen(db: Db, locale: 'it' | 'en' = 'it'): Promise<CitizenActor> {
  const [row] = await db.insert(citizens).values({ privacyVersion: '2026-01', privacyAcknowledgedAt: new Date() }).returning()
  return { kind: 'citizen', id: row!.id, locale }
}

export async function staffByEmail(db: Db, email: string): Promise<StaffActor> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email))
  if (!row) throw new Error(`no staff user ${email} in the test database`)
  return { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
}

/** 'ok', or the code of the AppError the call was refused with (anything else is a failure of the test). */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'ok'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}
