// POST /api/chat/staff/mentions/read – put away some of my mentions ("segna come lette")
import { requireStaff } from '@/lib/auth/current-staff'
import { markMentionsRead } from '@/lib/chat/mark-mentions-read'
import { markMentionsReadSchema } from '@/lib/chat/schemas'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const parsed = markMentionsReadSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    const count = await markMentionsRead(actor, parsed.data.ids)
    return Response.json({ count })
  } catch (error) {
    return errorResponse(error)
  }
}
