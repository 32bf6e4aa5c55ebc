'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getLocale } from 'next-intl/server'
import { z } from 'zod'
import { bindDeviceToCitizen, getCurrentCitizen, requireCitizen } from '@/lib/citizens/current-citizen'
import { startCitizen } from '@/lib/citizens/start-citizen'
import { AppError, toActionFailure, type ActionFailure, type ActionResult } from '@/lib/errors'
import { getLogger } from '@/lib/log'
import { answerResolution } from '@/lib/reports/answer-resolution'
import { followReport } from '@/lib/reports/follow-report'
import { nearestStreet, searchAddress, type GeocodeResult } from '@/lib/reports/geocode'
import { listNearbyOpenReports } from '@/lib/reports/public-reports'
import { latitudeSchema, longitudeSchema } from '@/lib/reports/schemas'
import { submitReport } from '@/lib/reports/submit-report'

const log = (error: unknown) => getLogger().error({ err: error }, 'report action failed')

/** Step 1: the citizen acknowledges the privacy notice; a first-time device becomes a citizen. */
export async function acknowledgePrivacyAction(privacyVersion: string): Promise<ActionResult> {
  try {
    if (await getCurrentCitizen()) return { ok: true }
    const citizen = await startCitizen({ privacyVersion: String(privacyVersion).slice(0, 40), locale: (await getLocale()) === 'en' ? 'en' : 'it' })
    await bindDeviceToCitizen(citizen.id)
    return { ok: true }
  } catch (error) {
    return toActionFailure(error, log)
  }
}

export async function searchAddressAction(query: string): Promise<GeocodeResult[]> {
  const q = z.string().trim().min(2).max(100).safeParse(query)
  return q.success ? searchAddress(q.data) : []
}

const pointSchema = z.object({ lat: latitudeSchema, lon: longitudeSchema })

export async function nearestStreetAction(point: { lat: number; lon: number }): Promise<string | null> {
  const parsed = pointSchema.safeParse(point)
  return parsed.success ? ((await nearestStreet(parsed.data))?.label ?? null) : null
}

export async function nearbyReportsAction(input: { categoryId: number; lat: number; lon: number }) {
  const parsed = pointSchema.extend({ categoryId: z.coerce.number().int().positive() }).safeParse(input)
  if (!parsed.success) return []
  const list = await listNearbyOpenReports(parsed.data, await getCurrentCitizen())
  return list.map((r) => ({ publicCode: r.publicCode, title: r.title, description: r.description.slice(0, 300), address: r.address, distance: r.distance, status: r.status, photo: r.photos[0]?.url ?? null, following: r.following }))
}

/**
 * Sends the draft; a retry with the same key returns the same report. `retryLater` marks a
 * failure that is not the report's fault (a server fault, the Comune not set up, too many
 * sends): a report waiting on the device is kept and sent again, not shown as refused.
 */
export async function submitReportAction(input: unknown): Promise<ActionResult<{ publicCode: string; dueDate: string }> | (ActionFailure & { retryLater: true })> {
  try {
    const citizen = await requireCitizen()
    const report = await submitReport(citizen, (input ?? {}) as never)
    revalidatePath('/segnalazioni')
    return { ok: true, data: { publicCode: report.publicCode, dueDate: report.dueDate } }
  } catch (error) {
    const failure = toActionFailure(error, log)
    const notTheReport = !(error instanceof AppError) || error.code === 'unavailable' || error.code === 'throttled'
    return notTheReport ? { ...failure, retryLater: true } : failure
  }
}

export async function followReportAction(publicCode: string): Promise<ActionResult> {
  try {
    const citizen = await requireCitizen()
    await followReport(citizen, String(publicCode))
    revalidatePath(`/segnalazioni/${publicCode}`)
    return { ok: true }
  } catch (error) {
    return toActionFailure(error, log)
  }
}

/** A plain form post (works without JavaScript): follow from the report's page. */
export async function followFormAction(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '')
  if (!/^SEG-\d{4}-\d{6}$/.test(code)) redirect('/segnalazioni')
  if (!(await getCurrentCitizen())) {
    // First time on this device: the privacy checkbox of the form makes it a citizen, as step 1 of a report does.
    if (formData.get('privacy') !== 'on') redirect(`/segnalazioni/${code}?esito=privacy`)
    const acknowledged = await acknowledgePrivacyAction(String(formData.get('privacyVersion') ?? ''))
    if (!acknowledged.ok) redirect(`/segnalazioni/${code}?esito=errore`)
  }
  const result = await followReportAction(code)
  if (!result.ok && /^SEG-\d{4}-\d{6}$/.test(code)) redirect(`/segnalazioni/${code}?esito=errore`)
  redirect(`/segnalazioni/${code}?esito=segui`)
}

/** "È stato risolto?" — a plain form post. */
export async function answerResolutionAction(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '')
  if (!/^SEG-\d{4}-\d{6}$/.test(code)) redirect('/segnalazioni')
  let outcome = 'errore'
  try {
    const citizen = await requireCitizen()
    const result = await answerResolution(citizen, code, { answer: formData.get('answer'), note: formData.get('note') || undefined })
    outcome = result.reopened ? 'riaperta' : 'confermata'
  } catch (error) {
    if (!(error instanceof AppError)) log(error)
  }
  revalidatePath(`/segnalazioni/${code}`)
  redirect(`/segnalazioni/${code}?esito=${outcome}#risposta`)
}
