// No 'server-only' marker: db/seed-reports.ts (run by plain tsx) numbers the demo reports with it too.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'

/**
 * "SEG-2026-000123": the next number of `year`, from a PostgreSQL sequence per year
 * (`report_code_2026`), created by the first report of the year.
 *
 * Why a sequence and not a counter row: a row updated inside the report's transaction stays
 * locked until that transaction's commit has reached the disk, so every submission in the
 * Comune waited for the previous one's fsync (bench:reports: ~80 reports/s at best, p99 of
 * about a second at 50 clients). A sequence hands numbers out without locks. The price is a
 * gap when a submission fails after taking its number; a public code is a reference for the
 * citizen, not a protocol register, so gaps are harmless.
 */
export async function nextPublicCode(tx: DbOrTx, year: number): Promise<string> {
  const name = sequenceName(year)
  for (let attempt = 0; attempt < 2; attempt++) {
    // to_regclass gives null for a missing sequence, and nextval(null) null: no error, so the
    // caller's transaction stays usable and the sequence can be created in it.
    const [row] = await queryRows<{ n: string | number | null }>(tx, sql`select nextval(to_regclass(${name})) as n`)
    if (row?.n != null) return formatPublicCode(year, Number(row.n))
    await createYearSequence(tx, name)
  }
  throw new Error(`report code sequence ${name} could not be created`)
}

/** In a savepoint: two first reports of a year may race to create it, and the loser must not abort its report. */
async function createYearSequence(tx: DbOrTx, name: string): Promise<void> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql.raw(`create sequence if not exists ${name}`))
    })
  } catch (error) {
    // 23505: the other transaction created it first (visible now that it has committed).
    if ((error as { code?: string }).code !== '23505' && (error as { cause?: { code?: string } }).cause?.code !== '23505') throw error
  }
}

function sequenceName(year: number): string {
  // The name goes into DDL: only a plain four-digit year may reach it.
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`unexpected report year ${year}`)
  return `report_code_${year}`
}

export function formatPublicCode(year: number, sequence: number): string {
  return `SEG-${year}-${String(sequence).padStart(6, '0')}`
}
