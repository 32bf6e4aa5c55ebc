// GET /api/chat/queue – opening hours, the citizen's place in the queue and the estimated wait
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { getQueueState } from '@/lib/chat/queue-state'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    return Response.json(await getQueueState(await requireCitizen()), { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
