// POST /api/chat/staff/conversations/[id]/read – staff read the chat up to a sequence number
import { z } from 'zod'
import { requireStaff } from '@/lib/auth/current-staff'
import { markReadByStaff } from '@/lib/chat/mark-read'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'
const schema = z.object({ id: z.uuid(), upTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const body = (await readJson(request)) as Record<string, unknown>
    const parsed = schema.safeParse({ ...body, id: (await params).id })
    if (!parsed.success) throw invalid(parsed.error.issues)
    await markReadByStaff(actor, parsed.data.id, parsed.data.upTo)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
