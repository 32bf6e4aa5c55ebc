// POST /api/chat/read – the citizen has read the chat up to a sequence number
import { z } from 'zod'
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { markReadByCitizen } from '@/lib/chat/mark-read'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'
const schema = z.object({ upTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const citizen = await requireCitizen()
    const parsed = schema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    await markReadByCitizen(citizen, parsed.data.upTo)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
