'use server'

import { revalidatePath } from 'next/cache'
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { markAllRead } from '@/lib/inbox/inbox'
import { toActionFailure } from '@/lib/errors'

export async function markAllReadAction(): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await markAllRead(await requireCitizen())
    revalidatePath('/', 'layout')
    return { ok: true }
  } catch (error) {
    return toActionFailure(error)
  }
}
