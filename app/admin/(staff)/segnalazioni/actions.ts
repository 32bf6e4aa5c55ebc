'use server'

import { revalidatePath } from 'next/cache'
import { changeReportStatus } from '@/lib/reports/change-report-status'
import { addReportNote, assignReport, mergeReport, reassignReport, reviewReportPhoto, setReportPriority } from '@/lib/reports/handle-report'
import { acknowledgeReopenAlert } from '@/lib/reports/reopen-alerts'
import { deleteRoutingRule, saveRoutingRule } from '@/lib/reports/routing-rules'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : undefined
}

function done(reportId: string, message: string): FormResult {
  revalidatePath('/admin/segnalazioni')
  revalidatePath(`/admin/segnalazioni/${reportId}`)
  revalidatePath('/segnalazioni', 'layout')
  return { ok: true, message }
}

export async function changeStatusAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    await changeReportStatus(actor, id, { status: text(formData, 'status') as never, publicNote: text(formData, 'publicNote'), internalNote: text(formData, 'internalNote') })
    return done(id, 'Stato aggiornato: chi segue la segnalazione è stato avvisato.')
  })
}

export async function addNoteAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    const visibility = text(formData, 'visibility')
    await addReportNote(actor, id, { visibility, note: text(formData, 'note') })
    return done(id, visibility === 'public' ? 'Risposta pubblicata: il cittadino è stato avvisato.' : 'Nota interna salvata.')
  })
}

export async function reassignAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    const result = await reassignReport(actor, id, { officeId: text(formData, 'officeId'), internalNote: text(formData, 'internalNote') })
    return done(id, `Segnalazione passata a ${result.officeName}.`)
  })
}

export async function assignAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    await assignReport(actor, id, { assigneeId: text(formData, 'assigneeId') ?? '' })
    return done(id, 'Assegnazione salvata.')
  })
}

export async function priorityAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    await setReportPriority(actor, id, { priority: text(formData, 'priority') })
    return done(id, 'Priorità salvata.')
  })
}

export async function mergeAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    const result = await mergeReport(actor, id, { targetCode: text(formData, 'targetCode') })
    revalidatePath(`/admin/segnalazioni/${result.originalId}`)
    return done(id, `Unita a ${result.originalCode}: ${result.followersMoved} cittadini ora seguono l’originale.`)
  })
}

export async function reviewPhotoAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    const state = text(formData, 'state')
    await reviewReportPhoto(actor, id, { photoId: text(formData, 'photoId'), state })
    return done(id, state === 'approved' ? 'Foto approvata: ora è pubblica.' : 'Foto nascosta al pubblico.')
  })
}

export async function acknowledgeReopenAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'reportId') ?? ''
    await acknowledgeReopenAlert(actor, id)
    revalidatePath('/admin')
    return done(id, 'Presa visione registrata: la segnalazione non è più in evidenza.')
  })
}

/** The area goes to the lib as typed (one "lat, lon" per line): it reads and refuses it there. */
function ruleInput(formData: FormData) {
  return {
    name: text(formData, 'name'),
    categoryId: text(formData, 'categoryId') ?? '',
    officeId: text(formData, 'officeId'),
    areaScope: text(formData, 'areaScope'),
    area: text(formData, 'area') ?? '',
    sortOrder: text(formData, 'sortOrder') || 100,
    active: formData.get('active') === 'on',
  }
}

export async function saveRuleAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'ruleId')
    await saveRoutingRule(actor, id ? Number(id) : null, ruleInput(formData), await requestContext())
    revalidatePath('/admin/segnalazioni/regole', 'layout')
    return { ok: true, message: id ? 'Regola aggiornata.' : 'Regola creata.' }
  })
}

export async function deleteRuleAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    await deleteRoutingRule(actor, Number(text(formData, 'ruleId')), await requestContext())
    revalidatePath('/admin/segnalazioni/regole')
    return { ok: true, message: 'Regola eliminata.' }
  })
}
