// POST /api/chat/typing – the citizen is typing (shown live to staff, never stored)
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { sendTyping } from '@/lib/chat/send-typing'
import { errorResponse } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    await sendTyping(await requireCitizen())
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
