'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { editAlertDraft } from '@/lib/alerts/edit-alert-draft'
import { withdrawAlertDraft } from '@/lib/alerts/withdraw-alert-draft'
import { returnAlertDraft } from '@/lib/alerts/return-alert-draft'
import { alertDraftFromForm, alertDraftSchema, alertIdSchema, approvalSchema, returnDraftSchema, type AlertDraftInput, alertUpdateFromForm, alertUpdateSchema, endAlertSchema, overridePublishSchema } from '@/lib/alerts/schemas'
import { approveAlertUpdate, requestAlertUpdate, withdrawAlertUpdate, type UpdateOutcome } from '@/lib/alerts/update-alert'
import { createAlertDraft } from '@/lib/alerts/create-alert'
import { parseVertexList } from '@/lib/alerts/geometry-shared'
import { endAlert, publishAlert, type PublishOutcome } from '@/lib/alerts/publish-alert'
import { countAlertAudience } from '@/lib/alerts/count-alert-audience'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const MULTI = ['risks', 'zoneIds', 'waitingAreaIds']
const SINGLE = ['level', 'phase', 'headline', 'description', 'comuneActions', 'instructions', 'sourceUrl', 'issuer', 'validFrom', 'validUntil']

function composerFields(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const name of SINGLE) out[name] = String(formData.get(name) ?? '')
  for (const name of MULTI) out[name] = formData.getAll(name).map(String)
  return out
}

/** Where the alert's page goes after a state change, with the outcome to announce. */
function outcomePath(alertId: string, outcome: PublishOutcome): string {
  return outcome.state === 'pending_approval'
    ? `/admin/allerte/${alertId}?esito=inviata`
    : `/admin/allerte/${alertId}?esito=pubblicata&destinatari=${outcome.recipients}`
}

function revalidateAlerts(alertId: string) {
  revalidatePath('/admin/allerte')
  revalidatePath(`/admin/allerte/${alertId}`)
  revalidatePath('/')
  revalidatePath('/allerte', 'layout')
}

/** The composer's fields as a draft, or the failure to show next to them. */
function parseComposer(formData: FormData): { ok: true; draft: AlertDraftInput } | FormResult {
  const draft = alertDraftFromForm(composerFields(formData)) as Record<string, unknown>
  if (formData.get('areaMode') === 'polygon') {
    const drawn = parseVertexList(String(formData.get('customPolygon') ?? ''))
    if ('error' in drawn) return { ok: false, message: 'Controlla i campi evidenziati.', fieldErrors: { customPolygon: drawn.error } }
    draft.customPolygon = drawn.ring
    draft.zoneIds = []
  }
  const parsed = alertDraftSchema.safeParse(draft)
  if (!parsed.success) return fromZodError(parsed.error)
  return { ok: true, draft: parsed.data }
}

export async function createAlertAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let createdId: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = parseComposer(formData)
    if (!('draft' in parsed)) return parsed
    createdId = (await createAlertDraft(actor, parsed.draft, await requestContext())).id
    return { ok: true, message: 'Bozza salvata.' }
  })
  if (result.ok && createdId) {
    revalidatePath('/admin/allerte')
    redirect(`/admin/allerte/${createdId}?creata=1`)
  }
  return result
}

export async function editAlertAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const id = alertIdSchema.safeParse({ alertId: formData.get('alertId') })
    if (!id.success) return fromZodError(id.error)
    const parsed = parseComposer(formData)
    if (!('draft' in parsed)) return parsed
    await editAlertDraft(actor, id.data.alertId, parsed.draft, await requestContext())
    revalidateAlerts(id.data.alertId)
    target = `/admin/allerte/${id.data.alertId}?esito=modificata`
    return { ok: true, message: 'Modifiche salvate.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function withdrawDraftAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = alertIdSchema.safeParse({ alertId: formData.get('alertId') })
    if (!parsed.success) return fromZodError(parsed.error)
    await withdrawAlertDraft(actor, parsed.data.alertId, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = `/admin/allerte/${parsed.data.alertId}?esito=ritirata`
    return { ok: true, message: 'Bozza ritirata.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function returnDraftAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = returnDraftSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '', note: formData.get('note') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    await returnAlertDraft(actor, parsed.data.alertId, { note: parsed.data.note, seen: parsed.data.seen }, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = `/admin/allerte/${parsed.data.alertId}?esito=rimandata`
    return { ok: true, message: 'Allerta rimandata all’autore.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function publishAlertAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = approvalSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    const outcome = await publishAlert(actor, parsed.data.alertId, { seen: parsed.data.seen }, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = outcomePath(parsed.data.alertId, outcome)
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function overridePublishAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = overridePublishSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '', overrideReason: formData.get('overrideReason') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    const outcome = await publishAlert(actor, parsed.data.alertId, { overrideReason: parsed.data.overrideReason, seen: parsed.data.seen }, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = outcomePath(parsed.data.alertId, outcome)
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function endAlertAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = endAlertSchema.safeParse({ alertId: formData.get('alertId'), confirm: formData.get('confirm') ?? undefined })
    if (!parsed.success) return fromZodError(parsed.error)
    await endAlert(actor, parsed.data.alertId, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = `/admin/allerte/${parsed.data.alertId}?esito=cessata`
    return { ok: true, message: 'Cessata allerta pubblicata.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

/**
 * The composer's live estimate for the chosen zones or, when an area is drawn, for its vertex
 * list; null when the person may not compose alerts or the input is unusable (an area not
 * yet closed counts as none drawn).
 */
export async function countAudienceAction(zoneIds: number[], drawnVertices?: string): Promise<number | null> {
  if (!Array.isArray(zoneIds) || zoneIds.length > 50 || !zoneIds.every((id) => Number.isInteger(id) && id > 0)) return null
  if (drawnVertices !== undefined && (typeof drawnVertices !== 'string' || drawnVertices.length > 20_000)) return null
  const actor = await getCurrentStaff()
  if (!actor || (actor.role !== 'admin' && actor.role !== 'civil_protection')) return null
  if (drawnVertices !== undefined) {
    const drawn = parseVertexList(drawnVertices)
    if ('error' in drawn) return null
    return (await countAlertAudience(actor, { zoneIds: [], customPolygon: { type: 'Polygon', coordinates: [drawn.ring] } })).devices
  }
  return (await countAlertAudience(actor, { zoneIds })).devices
}

function updatePath(alertId: string, outcome: UpdateOutcome): string {
  return outcome.state === 'pending_approval'
    ? `/admin/allerte/${alertId}?esito=aggiornamento-inviato`
    : `/admin/allerte/${alertId}?esito=aggiornata&destinatari=${outcome.recipients}`
}

export async function updateAlertAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const fields: Record<string, string> = {}
    for (const name of ['alertId', 'level', 'phase', 'headline', 'description', 'instructions', 'comuneActions', 'validUntil']) fields[name] = String(formData.get(name) ?? '')
    const parsed = alertUpdateSchema.safeParse(alertUpdateFromForm(fields))
    if (!parsed.success) return fromZodError(parsed.error)
    const reason = String(formData.get('overrideReason') ?? '').trim()
    const outcome = await requestAlertUpdate(actor, parsed.data, reason ? { overrideReason: reason } : {}, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = updatePath(parsed.data.alertId, outcome)
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function approveUpdateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = approvalSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    const outcome = await approveAlertUpdate(actor, parsed.data.alertId, { seen: parsed.data.seen }, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = updatePath(parsed.data.alertId, outcome)
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function overrideUpdateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = overridePublishSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '', overrideReason: formData.get('overrideReason') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    const outcome = await approveAlertUpdate(actor, parsed.data.alertId, { overrideReason: parsed.data.overrideReason, seen: parsed.data.seen }, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = updatePath(parsed.data.alertId, outcome)
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) redirect(target)
  return result
}

export async function withdrawUpdateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = approvalSchema.safeParse({ alertId: formData.get('alertId'), seen: formData.get('seen') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    await withdrawAlertUpdate(actor, parsed.data.alertId, parsed.data.seen, await requestContext())
    revalidateAlerts(parsed.data.alertId)
    target = `/admin/allerte/${parsed.data.alertId}?esito=aggiornamento-ritirato`
    return { ok: true, message: 'Aggiornamento ritirato.' }
  })
  if (result.ok && target) redirect(target)
  return result
}
