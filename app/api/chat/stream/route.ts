// GET /api/chat/stream – the citizen's live chat events (SSE; resumes from Last-Event-ID)
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { citizenChatStream } from '@/lib/chat/chat-streams'
import { errorResponse } from '@/lib/http/respond'
import { sseResponse } from '@/lib/realtime/sse-response'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  try {
    const citizen = await requireCitizen()
    const stream = await citizenChatStream(citizen)
    return await sseResponse({ request, ...stream })
  } catch (error) {
    return errorResponse(error)
  }
}
