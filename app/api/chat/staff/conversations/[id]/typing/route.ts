// POST /api/chat/staff/conversations/[id]/typing – a staff member is typing a reply (live only)
import { z } from 'zod'
import { requireStaff } from '@/lib/auth/current-staff'
import { sendTyping } from '@/lib/chat/send-typing'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const { id } = await params
    if (!z.uuid().safeParse(id).success) throw new AppError('not_found', 'Conversazione non trovata.')
    await sendTyping(actor, id)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
