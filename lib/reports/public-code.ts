import 'server-only'
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { queryRows } from '@/db/execute'

/** "SEG-2026-000123": the next number of `year`, taken inside the caller's transaction (no gaps on rollback). */
export async function nextPublicCode(tx: DbOrTx, year: number): Promise<string> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`insert into report_code_counters (year, last) values (${year}, 1)
        on conflict (year) do update set last = report_code_counters.last + 1
        returning last`,
  )
  if (!row) throw new Error('report code counter returned nothing')
  return formatPublicCode(year, Number(row.last))
}

export function formatPublicCode(year: number, sequence: number): string {
  return `SEG-${year}-${String(sequence).padStart(6, '0')}`
}
