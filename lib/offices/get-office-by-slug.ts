import 'server-only'
import { and, eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { getDb } from '../db'
import { publicOfficeColumns, type PublicOffice } from './list-offices'

/** An active office by its slug, or null (an inactive office is not public). */
export async function getOfficeBySlug(slug: string): Promise<PublicOffice | null> {
  const db = await getDb()
  const [office] = await db
    .select(publicOfficeColumns)
    .from(offices)
    .where(and(eq(offices.slug, slug), eq(offices.active, true)))
  return office ?? null
}
