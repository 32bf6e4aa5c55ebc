import type { Metadata } from 'next'
import { z } from 'zod'
import { Forbidden } from '@/components/admin/forbidden'
import { StaffConsole } from '@/components/chat/staff-console'
import { listCannedReplies } from '@/lib/chat/canned-replies'
import { getCitizenActivity } from '@/lib/chat/citizen-activity'
import { listChatDirectory } from '@/lib/chat/list-chat-directory'
import { inboxViews } from '@/lib/chat/schemas'
import { getChatPreferences } from '@/lib/chat/staff-chat-settings'
import { AppError } from '@/lib/errors'
import { staffOrSignIn } from '../../_lib/guard'
import { assignAction, preferencesAction, statusAction } from './actions'

export const metadata: Metadata = { title: 'Chat' }

const paramsSchema = z.object({
  vista: z.enum(inboxViews).catch('open'),
  ufficio: z.coerce.number().int().positive().optional().catch(undefined),
  c: z.uuid().optional().catch(undefined),
})

export default async function ChatConsolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  if (actor.role === 'civil_protection') return <Forbidden message="La chat con i cittadini è per l’URP e gli uffici." />
  const params = paramsSchema.parse(await searchParams)
  const [directory, canned, preferences, activity] = await Promise.all([
    listChatDirectory(actor),
    listCannedReplies(actor),
    getChatPreferences(actor),
    params.c
      ? getCitizenActivity(actor, params.c).catch((error: unknown) => {
          if (error instanceof AppError) return null
          throw error
        })
      : Promise.resolve(null),
  ])
  const officeFilter = params.vista === 'office' ? (params.ufficio ?? actor.officeId ?? directory.offices[0]?.id ?? null) : null
  return (
    <StaffConsole
      key={`${params.vista}-${officeFilter}-${params.c ?? ''}`}
      me={{ id: actor.id, name: actor.name }}
      view={params.vista}
      officeFilter={officeFilter}
      conversationId={params.c && activity ? params.c : null}
      directory={directory}
      canned={canned}
      preferences={preferences}
      activity={activity}
      assignAction={assignAction}
      statusAction={statusAction}
      preferencesAction={preferencesAction}
    />
  )
}
