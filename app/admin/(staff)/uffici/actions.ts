'use server'

import { revalidatePath } from 'next/cache'
import { SLOTS_PER_DAY, updateOfficeSchema, weekdayKeys } from '@/lib/offices/schemas'
import { updateOffice } from '@/lib/offices/update-office'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

export async function updateOfficeAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const hours = Object.fromEntries(
      weekdayKeys.map((day) => [
        day,
        Array.from({ length: SLOTS_PER_DAY }, (_, i) => ({
          from: text(formData, `h${day}_${i}_from`),
          to: text(formData, `h${day}_${i}_to`),
        })),
      ]),
    )
    const parsed = updateOfficeSchema.safeParse({
      officeId: text(formData, 'officeId'),
      address: text(formData, 'address'),
      phone: text(formData, 'phone'),
      email: text(formData, 'email'),
      closedDays: text(formData, 'closedDays'),
      hours,
    })
    if (!parsed.success) return fromZodError(parsed.error)
    await updateOffice(actor, parsed.data, await requestContext())
    revalidatePath('/admin/uffici', 'layout')
    revalidatePath('/', 'layout')
    return { ok: true, message: 'Ufficio aggiornato.' }
  })
}
