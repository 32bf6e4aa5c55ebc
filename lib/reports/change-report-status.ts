import 'server-only'
import { eq } from 'drizzle-orm'
import { reportEvents, reports } from '@/db/schema/reports'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { notifyFollowers } from './notify-followers'
import { parseOrThrow } from './parse-input'
import { italianDate, reopenedDueDate } from './reopened-due-date'
import { lockReportForStaff } from './report-access'
import { changeStatusSchema, type ChangeStatusInput } from './schemas'
import { canTransition, isReportStatus, needsPublicNote, stateOfStatus, statusLabels, type ReportStatus } from './status-shared'

/**
 * Moves a report along its state machine, with a public note (the citizen reads it) and/or an
 * internal one. Every follower is told of the new status. Closing as resolved asks the reporter
 * once "È stato risolto?". Taking up a closed report again counts its expected date anew.
 */
export async function changeReportStatus(actor: StaffActor, reportId: string, rawInput: ChangeStatusInput, now = new Date()) {
  const input = parseOrThrow(changeStatusSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    const from: ReportStatus = isReportStatus(report.status) ? report.status : 'received'
    const to = input.status
    if (to === 'duplicate') throw new AppError('invalid_input', 'Per segnare un duplicato unisci la segnalazione a quella originale.')
    if (!canTransition(from, to)) {
      throw new AppError('conflict', `Una segnalazione «${statusLabels[from]}» non può passare a «${statusLabels[to]}».`)
    }
    if (needsPublicNote(to) && !input.publicNote) {
      throw new AppError('invalid_input', 'Spiega al cittadino a chi rivolgersi: scrivi una nota pubblica.', { publicNote: 'Nota pubblica obbligatoria.' })
    }
    const state = stateOfStatus[to]
    const resolved = to === 'resolved'
    const reopened = stateOfStatus[from] === 'closed' && state !== 'closed'
    const dueDate = reopened ? await reopenedDueDate(tx, report.categoryId, now) : report.dueDate
    await tx
      .update(reports)
      .set({
        status: to,
        state,
        updatedAt: now,
        closedAt: state === 'closed' ? now : null,
        dueDate,
        // Acting on a report the citizen reopened is the office's answer to that alert.
        reopenAlertAt: null,
        ...(resolved ? { resolutionAskedAt: report.citizenId ? now : null, resolutionAnswer: null } : {}),
      })
      .where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: 'status',
      visibility: 'public',
      fromStatus: from,
      toStatus: to,
      note: input.publicNote ?? '',
      actorStaffId: actor.id,
      actorLabel: actor.name,
    })
    if (input.internalNote) {
      await tx.insert(reportEvents).values({
        reportId: report.id,
        at: now,
        kind: 'note',
        visibility: 'internal',
        note: input.internalNote,
        actorStaffId: actor.id,
        actorLabel: actor.name,
      })
    }
    const body = resolved
      ? `${input.publicNote ? `${input.publicNote} ` : ''}È stato risolto? Faccelo sapere.`
      : `${input.publicNote ?? `La tua segnalazione ora è «${statusLabels[to]}».`}${reopened ? ` Nuova data prevista: ${italianDate(dueDate)}.` : ''}`
    await notifyFollowers(tx, report, { title: `${report.publicCode}: ${statusLabels[to]}`, body, createdBy: actor.id })
    return { status: to, state }
  })
}
