'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { createStaffSchema, resetPasswordSchema, staffIdSchema, updateStaffSchema } from '@/lib/staff/schemas'
import { createStaff } from '@/lib/staff/create-staff'
import { resetStaffPassword, setStaffActive, updateStaff } from '@/lib/staff/update-staff'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const fields = (formData: FormData, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]))

export async function createStaffAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let createdId: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = createStaffSchema.safeParse(fields(formData, ['name', 'email', 'role', 'officeId', 'password']))
    if (!parsed.success) return fromZodError(parsed.error)
    createdId = (await createStaff(actor, parsed.data, await requestContext())).id
    return { ok: true, message: 'Account creato.' }
  })
  if (result.ok && createdId) {
    revalidatePath('/admin/personale')
    redirect(`/admin/personale/${createdId}?creato=1`)
  }
  return result
}

export async function updateStaffAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = updateStaffSchema.safeParse(fields(formData, ['staffId', 'name', 'role', 'officeId']))
    if (!parsed.success) return fromZodError(parsed.error)
    await updateStaff(actor, parsed.data, await requestContext())
    revalidatePath('/admin/personale', 'layout')
    return { ok: true, message: 'Modifiche salvate.' }
  })
}

export async function setStaffActiveAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = staffIdSchema.safeParse(fields(formData, ['staffId']))
    if (!parsed.success) return fromZodError(parsed.error)
    const active = formData.get('active') === 'true'
    await setStaffActive(actor, parsed.data.staffId, active, await requestContext())
    revalidatePath('/admin/personale', 'layout')
    return { ok: true, message: active ? 'Account riattivato.' : 'Account disattivato.' }
  })
}

export async function resetPasswordAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = resetPasswordSchema.safeParse(fields(formData, ['staffId', 'password']))
    if (!parsed.success) return fromZodError(parsed.error)
    await resetStaffPassword(actor, parsed.data, await requestContext())
    return { ok: true, message: 'Password reimpostata: comunicala alla persona in modo sicuro.' }
  })
}
