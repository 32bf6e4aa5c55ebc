// GET /api/chat/staff/inbox?view=open[&office=id][&conversation=id] – one inbox view with counts and the notes that name me
import { z } from 'zod'
import { requireStaff } from '@/lib/auth/current-staff'
import { countInbox, listInbox } from '@/lib/chat/list-inbox'
import { listUnreadMentions } from '@/lib/chat/list-mentions'
import { CHAT_INBOX_CHANNEL, inboxViews } from '@/lib/chat/schemas'
import { currentSeq } from '@/lib/realtime/current-seq'
import { errorResponse, invalid } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'
const schema = z.object({
  view: z.enum(inboxViews).default('open'),
  office: z.coerce.number().int().positive().optional(),
  conversation: z.uuid().optional(),
})

export async function GET(request: Request) {
  try {
    const actor = await requireStaff()
    const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!parsed.success) throw invalid(parsed.error.issues)
    // Read first: whatever changes after it reaches the console through the stream.
    const cursor = await currentSeq(CHAT_INBOX_CHANNEL)
    const [items, counts, mentions] = await Promise.all([
      listInbox(actor, { view: parsed.data.view, officeId: parsed.data.office, conversationId: parsed.data.conversation }),
      countInbox(actor),
      listUnreadMentions(actor),
    ])
    return Response.json({ items, counts, mentions, cursor }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
