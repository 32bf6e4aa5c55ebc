import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { getDb } from '../db'

export const publicOfficeColumns = {
  slug: offices.slug,
  name: offices.name,
  description: offices.description,
  address: offices.address,
  phone: offices.phone,
  email: offices.email,
  weeklyHours: offices.weeklyHours,
  closedDays: offices.closedDays,
}

/** An office as citizens see it: contacts and opening hours. */
export type PublicOffice = {
  slug: string
  name: string
  description: string
  address: string
  phone: string | null
  email: string | null
  weeklyHours: (typeof offices.$inferSelect)['weeklyHours']
  closedDays: string[]
}

/** Every active office, in the order the Comune chose. */
export async function listOffices(): Promise<PublicOffice[]> {
  const db = await getDb()
  return db
    .select(publicOfficeColumns)
    .from(offices)
    .where(eq(offices.active, true))
    .orderBy(asc(offices.sortOrder), asc(offices.name))
}
