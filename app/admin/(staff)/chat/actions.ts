'use server'

import { z } from 'zod'
import { assignConversation } from '@/lib/chat/assign-conversation'
import { setConversationStatus } from '@/lib/chat/set-conversation-status'
import { setChatPreferences } from '@/lib/chat/staff-chat-settings'
import { romeInstant } from '@/lib/time/rome-instant'
import { AppError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const id = z.uuid()

export async function assignAction(conversationId: string, target: string): Promise<FormResult> {
  return asStaff(async (actor) => {
    if (!id.safeParse(conversationId).success) throw new AppError('not_found', 'Conversazione non trovata.')
    const [kind, value] = target.split(':')
    const parsed =
      kind === 'me'
        ? ({ kind: 'me' } as const)
        : kind === 'round-robin'
          ? ({ kind: 'round-robin' } as const)
          : kind === 'staff' && id.safeParse(value).success
            ? ({ kind: 'staff', staffId: value! } as const)
            : kind === 'office' && /^\d+$/.test(value ?? '')
              ? ({ kind: 'office', officeId: Number(value) } as const)
              : null
    if (!parsed) throw new AppError('invalid_input', 'Scegli a chi assegnare la chat.')
    const result = await assignConversation({ actor, conversationId, target: parsed, context: await requestContext() })
    return { ok: true, message: result.assigneeId ? 'Chat assegnata.' : 'Chat passata all’ufficio.' }
  })
}

export async function statusAction(conversationId: string, change: 'resolve' | 'reopen' | 'snooze', until?: string): Promise<FormResult> {
  return asStaff(async (actor) => {
    if (!id.safeParse(conversationId).success) throw new AppError('not_found', 'Conversazione non trovata.')
    if (change === 'snooze') {
      // "YYYY-MM-DDTHH:MM" from a datetime-local field, read as Rome time.
      const [date, time] = (until ?? '').split('T')
      const instant = date && time ? romeInstant(date, time.slice(0, 5)) : null
      if (!instant) throw new AppError('invalid_input', 'Indica giorno e ora.', { until: 'Indica giorno e ora.' })
      await setConversationStatus({ actor, conversationId, change: { kind: 'snooze', until: instant }, context: await requestContext() })
      return { ok: true, message: 'Chat posticipata.' }
    }
    await setConversationStatus({ actor, conversationId, change: { kind: change === 'resolve' ? 'resolve' : 'reopen' }, context: await requestContext() })
    return { ok: true, message: change === 'resolve' ? 'Chat risolta.' : 'Chat riaperta.' }
  })
}

const preferencesSchema = z.object({ soundEnabled: z.boolean(), badgeEnabled: z.boolean(), maxOpenChats: z.number().int().min(1).max(50) })

export async function preferencesAction(input: { soundEnabled: boolean; badgeEnabled: boolean; maxOpenChats: number }): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = preferencesSchema.safeParse(input)
    if (!parsed.success) throw new AppError('invalid_input', 'Il limite di chat aperte va da 1 a 50.')
    await setChatPreferences(actor, parsed.data)
    return { ok: true, message: 'Preferenze salvate.' }
  })
}
