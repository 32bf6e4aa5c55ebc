import 'server-only'
import { and, eq, inArray, or } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { reportEvents, reportFollowers, reportPhotos, reports } from '@/db/schema/reports'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, type StaffActor } from '../auth/actor'
import { notifyFollowers } from './notify-followers'
import { parseOrThrow } from './parse-input'
import { lockReportForStaff } from './report-access'
import { addNoteSchema, assignSchema, mergeSchema, photoReviewSchema, prioritySchema, reassignSchema } from './schemas'
import { priorityLabels } from './status-shared'

/**
 * Staff work on one report besides status changes: notes, routing to another office,
 * assignment to a person, priority, merging duplicates, photo review. Each step is in the
 * timeline; only public notes reach the citizen.
 */

export async function addReportNote(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(addNoteSchema.safeParse(rawInput))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    await tx.insert(reportEvents).values({ reportId: report.id, at: now, kind: 'note', visibility: input.visibility, note: input.note, actorStaffId: actor.id, actorLabel: actor.name })
    await tx.update(reports).set({ updatedAt: now }).where(eq(reports.id, report.id))
    if (input.visibility === 'public') {
      await notifyFollowers(tx, report, { title: `${report.publicCode}: risposta del Comune`, body: input.note, createdBy: actor.id })
    }
  })
}

/** Routes the report to another office (by hand): the new office sees it, the old one no longer does. */
export async function reassignReport(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(reassignSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    const [target] = await tx.select({ id: offices.id, name: offices.name }).from(offices).where(and(eq(offices.id, input.officeId), eq(offices.active, true)))
    if (!target) throw new AppError('invalid_input', 'Ufficio sconosciuto: scegline uno dall’elenco.', { officeId: 'Ufficio sconosciuto.' })
    if (target.id === report.officeId) throw new AppError('invalid_input', 'La segnalazione è già di questo ufficio.', { officeId: 'È già di questo ufficio.' })
    const [from] = await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, report.officeId))
    await tx.update(reports).set({ officeId: target.id, assigneeId: null, updatedAt: now }).where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: 'routing',
      visibility: 'internal',
      note: `Da ${from?.name ?? '—'} a ${target.name}.${input.internalNote ? ` ${input.internalNote}` : ''}`,
      actorStaffId: actor.id,
      actorLabel: actor.name,
      details: { fromOfficeId: report.officeId, toOfficeId: target.id },
    })
    return { officeId: target.id, officeName: target.name }
  })
}

/** Gives the report to one person (of its office, or an operator/admin), or to nobody. */
export async function assignReport(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(assignSchema.safeParse(rawInput))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    let name = 'nessuno'
    if (input.assigneeId) {
      const [person] = await tx
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, input.assigneeId), eq(staffUsers.active, true), or(eq(staffUsers.officeId, report.officeId), inArray(staffUsers.role, ['operator', 'admin']))))
      if (!person) throw new AppError('invalid_input', 'Questa persona non può prendere in carico la segnalazione.', { assigneeId: 'Persona non valida.' })
      name = person.name
    }
    await tx.update(reports).set({ assigneeId: input.assigneeId, updatedAt: now }).where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({ reportId: report.id, at: now, kind: 'assignment', visibility: 'internal', note: `Assegnata a ${name}.`, actorStaffId: actor.id, actorLabel: actor.name })
  })
}

export async function setReportPriority(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(prioritySchema.safeParse(rawInput))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    if (report.priority === input.priority) return
    await tx.update(reports).set({ priority: input.priority, updatedAt: now }).where(eq(reports.id, report.id))
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: 'priority',
      visibility: 'internal',
      note: `Priorità: ${priorityLabels[input.priority]}.`,
      actorStaffId: actor.id,
      actorLabel: actor.name,
    })
  })
}

/**
 * Marks the report as a duplicate of an original one: it closes as "duplicata", its followers
 * follow the original from now on and are told where to look.
 */
export async function mergeReport(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(mergeSchema.safeParse(rawInput))
  const db = await getDb()
  return db.transaction(async (tx) => {
    const duplicate = await lockReportForStaff(tx, actor, reportId)
    const [original] = await tx.select().from(reports).where(eq(reports.publicCode, input.targetCode))
    if (!original) throw new AppError('invalid_input', 'Non c’è una segnalazione con questo codice.', { targetCode: 'Codice sconosciuto.' })
    // Office staff may merge only into a report they can see as well.
    await lockReportForStaff(tx, actor, original.id)
    if (original.id === duplicate.id) throw new AppError('invalid_input', 'Una segnalazione non può essere il duplicato di sé stessa.', { targetCode: 'Stesso codice.' })
    if (original.mergedIntoId) throw new AppError('invalid_input', `Anche ${original.publicCode} è un duplicato: uniscila all’originale.`, { targetCode: 'È un duplicato.' })
    if (duplicate.status === 'duplicate') throw new AppError('conflict', 'Questa segnalazione è già stata unita a un’altra.')

    const followers = await tx.select({ citizenId: reportFollowers.citizenId }).from(reportFollowers).where(eq(reportFollowers.reportId, duplicate.id))
    if (followers.length) {
      await tx
        .insert(reportFollowers)
        .values(followers.map((f) => ({ reportId: original.id, citizenId: f.citizenId, via: 'merge' as const, createdAt: now })))
        .onConflictDoNothing()
    }
    await tx
      .update(reports)
      .set({ status: 'duplicate', state: 'closed', closedAt: now, mergedIntoId: original.id, updatedAt: now })
      .where(eq(reports.id, duplicate.id))
    await tx.insert(reportEvents).values([
      {
        reportId: duplicate.id,
        at: now,
        kind: 'merge',
        visibility: 'public',
        fromStatus: duplicate.status,
        toStatus: 'duplicate',
        note: `Lo stesso problema è già seguito nella segnalazione ${original.publicCode}: continua a seguirlo lì.`,
        actorStaffId: actor.id,
        actorLabel: actor.name,
        details: { into: original.id },
      },
      {
        reportId: original.id,
        at: now,
        kind: 'merge',
        visibility: 'internal',
        note: `Unita la segnalazione duplicata ${duplicate.publicCode} (${followers.length} cittadini la seguivano).`,
        actorStaffId: actor.id,
        actorLabel: actor.name,
        details: { from: duplicate.id },
      },
    ])
    await notifyFollowers(tx, duplicate, {
      title: `${duplicate.publicCode}: già segnalata`,
      body: `Lo stesso problema è seguito nella segnalazione ${original.publicCode}: ti aggiorneremo su quella.`,
      createdBy: actor.id,
    })
    await recordAudit(tx, {
      action: 'report.merge',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'report',
      targetId: duplicate.id,
      details: { duplicate: duplicate.publicCode, original: original.publicCode },
    })
    return { originalId: original.id, originalCode: original.publicCode, followersMoved: followers.length }
  })
}

/** Approves a photo for the public pages, or hides it (from everyone but staff and its uploader). */
export async function reviewReportPhoto(actor: StaffActor, reportId: string, rawInput: unknown, now = new Date()) {
  const input = parseOrThrow(photoReviewSchema.safeParse(rawInput))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const report = await lockReportForStaff(tx, actor, reportId)
    const updated = await tx
      .update(reportPhotos)
      .set({ state: input.state, reviewedBy: actor.id, reviewedAt: now })
      .where(and(eq(reportPhotos.id, input.photoId), eq(reportPhotos.reportId, report.id)))
      .returning({ id: reportPhotos.id })
    if (!updated.length) throw new AppError('not_found', 'Foto non trovata.')
    await tx.insert(reportEvents).values({
      reportId: report.id,
      at: now,
      kind: 'photo',
      visibility: 'internal',
      note: input.state === 'approved' ? 'Foto approvata: ora è pubblica.' : 'Foto nascosta al pubblico.',
      actorStaffId: actor.id,
      actorLabel: actor.name,
      details: { photoId: input.photoId },
    })
  })
}
