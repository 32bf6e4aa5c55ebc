import 'server-only'
import { cache } from 'react'
import { eq } from 'drizzle-orm'
import { comuneSettings } from '@/db/schema/comune'
import { getDb } from '../db'

/** What citizens see of the Comune: its name, contacts, patron day and privacy notice. */
export type PublicComune = {
  name: string
  shortName: string
  region: string
  address: string
  phone: string
  email: string
  pec: string
  website: string | null
  patronDay: string | null
  privacyNoticeVersion: string
  privacyNoticeText: string
}

/**
 * The Comune's public settings, or null before it is configured. Cached per request: the
 * layout, the metadata and the page all ask for it.
 */
export const getComune = cache(async (): Promise<PublicComune | null> => {
  const db = await getDb()
  const [row] = await db
    .select({
      name: comuneSettings.name,
      shortName: comuneSettings.shortName,
      region: comuneSettings.region,
      address: comuneSettings.address,
      phone: comuneSettings.phone,
      email: comuneSettings.email,
      pec: comuneSettings.pec,
      website: comuneSettings.website,
      patronDay: comuneSettings.patronDay,
      privacyNoticeVersion: comuneSettings.privacyNoticeVersion,
      privacyNoticeText: comuneSettings.privacyNoticeText,
    })
    .from(comuneSettings)
    .where(eq(comuneSettings.id, 1))
  return row ?? null
})
