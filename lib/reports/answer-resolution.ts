import 'server-only'
import { eq } from 'drizzle-orm'
import { reportEvents, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from '../citizens/actor'
import { notifyFollowers } from './notify-followers'
import { parseOrThrow } from './parse-input'
import { italianDate, reopenedDueDate } from './reopened-due-date'
import { resolutionAnswerSchema } from './schemas'

/**
 * The reporter's answer to "È stato risolto?", once per resolution. "No" reopens the report
 * (presa in carico again), raises its priority and raises an alert for the office: the report
 * heads their triage list and their dashboard until someone there has seen it (see reopen-alerts.ts).
 * Reopening is a public status change like any other: every other follower is told, and the
 * expected date counts the category's target again from today.
 */
export async function answerResolution(citizen: CitizenActor, publicCode: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(resolutionAnswerSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.publicCode, publicCode)).for('update')
    // Another citizen's report is "not found": its existence is public, the question is not theirs.
    if (!report || report.citizenId !== citizen.id) throw new AppError('not_found', 'Segnalazione non trovata.')
    if (report.status !== 'resolved' || !report.resolutionAskedAt) throw new AppError('conflict', 'Questa segnalazione non attende una tua risposta.')
    if (report.resolutionAnswer) throw new AppError('conflict', 'Hai già risposto: grazie.')
    const reopen = input.answer === 'no'
    const dueDate = reopen ? await reopenedDueDate(tx, report.categoryId, now) : report.dueDate
    await tx
      .update(reports)
      .set({
        resolutionAnswer: input.answer,
        updatedAt: now,
        ...(reopen
          ? { status: 'taken', state: 'in_progress' as const, closedAt: null, dueDate, reopenCount: report.reopenCount + 1, reopenAlertAt: now, priority: report.priority === 'urgent' ? 'urgent' : ('high' as const) }
          : {}),
      })
      .where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: reopen ? 'status' : 'resolution',
      visibility: 'public',
      fromStatus: reopen ? 'resolved' : null,
      toStatus: reopen ? 'taken' : null,
      note: reopen ? `Il cittadino dice che il problema non è risolto${input.note ? `: ${input.note}` : '.'} La segnalazione è stata riaperta.` : 'Il cittadino conferma che il problema è risolto.',
      actorLabel: 'Cittadino',
      details: { answer: input.answer, reopened: reopen, ...(reopen ? { alertedOfficeId: report.officeId } : {}) },
    })
    if (reopen) {
      await notifyFollowers(tx, report, {
        title: `${report.publicCode}: Presa in carico`,
        body: `Chi l’ha segnalata dice che il problema non è risolto: la segnalazione è stata riaperta. Nuova data prevista: ${italianDate(dueDate)}.`,
        exceptCitizenId: citizen.id,
      })
    }
    return { reopened: reopen }
  })
}
