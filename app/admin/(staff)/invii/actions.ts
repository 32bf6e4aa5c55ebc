'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { unblockPushService } from '@/lib/notify/unblock-push-service'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const schema = z.object({ origin: z.url({ message: 'Servizio non valido.' }).max(300) })

export async function unblockAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = schema.safeParse({ origin: formData.get('origin') })
    if (!parsed.success) return fromZodError(parsed.error)
    await unblockPushService(actor, parsed.data.origin, await requestContext())
    revalidatePath('/admin/invii')
    return { ok: true, message: 'Invii al servizio riattivati.' }
  })
}
