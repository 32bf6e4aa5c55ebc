// GET /api/chat/staff/stream[?conversation=id] – the console's live events: team inbox and the open chat (SSE)
import { z } from 'zod'
import { requireStaff } from '@/lib/auth/current-staff'
import { staffChatStream } from '@/lib/chat/chat-streams'
import { errorResponse } from '@/lib/http/respond'
import { sseResponse } from '@/lib/realtime/sse-response'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  try {
    const actor = await requireStaff()
    const raw = new URL(request.url).searchParams.get('conversation')
    const conversationId = raw && z.uuid().safeParse(raw).success ? raw : null
    const stream = await staffChatStream(actor, conversationId)
    return await sseResponse({ request, ...stream })
  } catch (error) {
    return errorResponse(error)
  }
}
