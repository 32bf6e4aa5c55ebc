'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { riskTemplateSchema, waitingAreaSchema, zoneSchema } from '@/lib/alerts/schemas'
import { saveZone, setZoneRetired } from '@/lib/alerts/manage-zones'
import { saveWaitingArea } from '@/lib/alerts/manage-waiting-areas'
import { saveRiskTemplate } from '@/lib/alerts/manage-risk-templates'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const optionalId = (value: FormDataEntryValue | null) => (value && /^\d+$/.test(String(value)) ? Number(value) : null)

export async function saveZoneAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = zoneSchema.safeParse({
      zoneId: optionalId(formData.get('zoneId')),
      name: String(formData.get('name') ?? ''),
      description: String(formData.get('description') ?? ''),
      vertices: String(formData.get('vertices') ?? ''),
    })
    if (!parsed.success) return fromZodError(parsed.error)
    const { id } = await saveZone(actor, parsed.data, await requestContext())
    target = `/admin/zone/${id}?esito=salvata`
    return { ok: true, message: 'Zona salvata.' }
  })
  if (result.ok && target) {
    revalidatePath('/admin/zone')
    redirect(target)
  }
  return result
}

export async function retireZoneAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const zoneId = optionalId(formData.get('zoneId'))
    if (!zoneId) return { ok: false, message: 'Zona non valida.' }
    await setZoneRetired(actor, zoneId, formData.get('retired') === '1', await requestContext())
    target = `/admin/zone/${zoneId}`
    return { ok: true, message: 'Fatto.' }
  })
  if (result.ok && target) {
    revalidatePath('/admin/zone')
    redirect(target)
  }
  return result
}

export async function saveWaitingAreaAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = waitingAreaSchema.safeParse({
      areaId: optionalId(formData.get('areaId')),
      name: String(formData.get('name') ?? ''),
      address: String(formData.get('address') ?? ''),
      point: String(formData.get('point') ?? ''),
      zoneId: optionalId(formData.get('zoneId')),
      notes: String(formData.get('notes') ?? ''),
      active: formData.get('active') === 'on',
    })
    if (!parsed.success) return fromZodError(parsed.error)
    const { id } = await saveWaitingArea(actor, parsed.data, await requestContext())
    target = `/admin/aree-di-attesa/${id}?esito=salvata`
    return { ok: true, message: 'Area di attesa salvata.' }
  })
  if (result.ok && target) {
    revalidatePath('/admin/aree-di-attesa')
    redirect(target)
  }
  return result
}

export async function saveRiskTemplateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = riskTemplateSchema.safeParse({
      risk: String(formData.get('risk') ?? ''),
      instructionsIt: String(formData.get('instructionsIt') ?? ''),
      instructionsEn: String(formData.get('instructionsEn') ?? ''),
    })
    if (!parsed.success) return fromZodError(parsed.error)
    await saveRiskTemplate(actor, parsed.data, await requestContext())
    revalidatePath('/admin/norme-autoprotezione')
    return { ok: true, message: 'Norme salvate: le nuove allerte le useranno.' }
  })
}
