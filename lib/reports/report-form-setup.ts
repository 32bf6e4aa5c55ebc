import 'server-only'
import { asc, eq } from 'drizzle-orm'
import { comuneSettings } from '@/db/schema/comune'
import { categories } from '@/db/schema/reports'
import { getDb } from '../db'
import { getEnv } from '../env'
import { polygonCenter } from './geo-shared'

/** What the report form and the public map need: categories, the Comune's boundary, the map tiles. */
export async function getReportFormSetup() {
  const db = await getDb()
  const [comune] = await db.select({ boundary: comuneSettings.boundary, privacyVersion: comuneSettings.privacyNoticeVersion }).from(comuneSettings)
  const list = await db
    .select({ id: categories.id, name: categories.name, urgentNotice: categories.urgentNotice, extraQuestions: categories.extraQuestions })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.id))
  const boundary = comune?.boundary ?? { type: 'Polygon' as const, coordinates: [] }
  return {
    categories: list,
    boundary,
    center: polygonCenter(boundary),
    privacyVersion: comune?.privacyVersion ?? '',
    ...getMapConfig(),
  }
}

export function getMapConfig() {
  const env = getEnv()
  return { tileUrl: env.FILO_MAP_TILE_URL, attribution: env.FILO_MAP_TILE_ATTRIBUTION }
}
