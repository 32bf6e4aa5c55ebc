import 'server-only'
import { eq } from 'drizzle-orm'
import { reportEvents, reportFollowers, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from '../citizens/actor'

/** "Segnala anche tu": the citizen follows an open report instead of filing a duplicate. */
export async function followReport(citizen: CitizenActor, publicCode: string, now = new Date()) {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [report] = await tx.select({ id: reports.id, state: reports.state, publicCode: reports.publicCode }).from(reports).where(eq(reports.publicCode, publicCode))
    if (!report) throw new AppError('not_found', 'Segnalazione non trovata.')
    if (report.state === 'closed') throw new AppError('conflict', 'Questa segnalazione è già chiusa: se il problema c’è ancora, fanne una nuova.')
    const added = await tx
      .insert(reportFollowers)
      .values({ reportId: report.id, citizenId: citizen.id, via: 'me_too', createdAt: now })
      .onConflictDoNothing()
      .returning({ reportId: reportFollowers.reportId })
    if (added.length) {
      await tx.insert(reportEvents).values({ reportId: report.id, at: now, kind: 'follow', visibility: 'internal', note: 'Un altro cittadino segnala lo stesso problema.', actorLabel: 'Cittadino' })
    }
    return { publicCode: report.publicCode, added: added.length > 0 }
  })
}
