import 'server-only'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { comuneSettings } from '@/db/schema/comune'
import { categories } from '@/db/schema/reports'
import { dueDateFor } from './working-days-shared'

/**
 * The expected date of a report taken up again after it was closed: the category's target in
 * working days counted from the reopening, as for a new report. Keeping the old date would make
 * the report overdue at once and show the citizen a date already past.
 */
export async function reopenedDueDate(tx: DbOrTx, categoryId: number, now: Date): Promise<string> {
  const [[category], [comune]] = await Promise.all([
    tx.select({ targetWorkingDays: categories.targetWorkingDays }).from(categories).where(eq(categories.id, categoryId)),
    tx.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings),
  ])
  return dueDateFor(now, category?.targetWorkingDays ?? 10, comune?.patronDay)
}

/** "2026-03-09" as an Italian reads it: "09/03/2026". */
export function italianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-')
  return `${d}/${m}/${y}`
}
