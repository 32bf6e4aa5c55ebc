'use server'

import { revalidatePath } from 'next/cache'
import { issueOpen311Key, revokeOpen311Key } from '@/lib/open311/manage-clients'
import { issueOpen311KeySchema, revokeOpen311KeySchema } from '@/lib/open311/schemas'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

/** The new key travels back once, in this result; it is never stored or shown again. */
export type IssueKeyResult = FormResult & { apiKey?: string; clientName?: string }

export async function issueOpen311KeyAction(_previous: IssueKeyResult | null, formData: FormData): Promise<IssueKeyResult> {
  let issued: { apiKey: string; name: string } | undefined
  const result = await asStaff(async (actor) => {
    const parsed = issueOpen311KeySchema.safeParse({ name: formData.get('name') ?? '', contact: formData.get('contact') ?? '' })
    if (!parsed.success) return fromZodError(parsed.error)
    const { apiKey } = await issueOpen311Key(actor, parsed.data, await requestContext())
    issued = { apiKey, name: parsed.data.name }
    revalidatePath('/admin/open311')
    return { ok: true, message: `Chiave rilasciata per «${parsed.data.name}». Copiala ora: non sarà più mostrata.` }
  })
  return issued ? { ...result, apiKey: issued.apiKey, clientName: issued.name } : result
}

export async function revokeOpen311KeyAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = revokeOpen311KeySchema.safeParse({ clientId: formData.get('clientId') })
    if (!parsed.success) return fromZodError(parsed.error)
    await revokeOpen311Key(actor, parsed.data, await requestContext())
    revalidatePath('/admin/open311')
    return { ok: true, message: 'Chiave revocata: il client non può più inviare segnalazioni.' }
  })
}
