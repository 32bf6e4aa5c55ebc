'use server'

import { revalidatePath } from 'next/cache'
import { digestSettingsSchema } from '@/lib/digest/schemas'
import { updateDigestSettings } from '@/lib/digest/digest-settings'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../../_lib/action'
import { requestContext } from '../../../_lib/guard'

export async function saveDigestSettingsAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await asStaff(async (actor) => {
    const parsed = digestSettingsSchema.safeParse({
      enabled: formData.get('enabled') === 'on',
      weekday: formData.get('weekday'),
      hour: formData.get('hour'),
    })
    if (!parsed.success) return fromZodError(parsed.error)
    const saved = await updateDigestSettings(actor, parsed.data, await requestContext())
    return { ok: true, message: saved.enabled ? `Salvato: il riepilogo partirà ${saved.description}.` : 'Salvato: il riepilogo settimanale è disattivato.' }
  })
  if (result.ok) revalidatePath('/admin/campagne/riepilogo')
  return result
}
