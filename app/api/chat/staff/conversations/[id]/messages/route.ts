// GET /api/chat/staff/conversations/[id]/messages?after=N – a chat's messages and notes; POST – reply or note
import { z } from 'zod'
import { requireStaff } from '@/lib/auth/current-staff'
import { listMessagesForStaff } from '@/lib/chat/list-messages'
import { staffMessageSchema } from '@/lib/chat/schemas'
import { sendStaffMessage } from '@/lib/chat/send-staff-message'
import { AppError } from '@/lib/errors'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'
type Params = { params: Promise<{ id: string }> }

async function conversationId(params: Params['params']): Promise<string> {
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', 'Conversazione non trovata.')
  return id
}

export async function GET(request: Request, { params }: Params) {
  try {
    const actor = await requireStaff()
    const after = Number(new URL(request.url).searchParams.get('after') ?? '0')
    const page = await listMessagesForStaff(actor, await conversationId(params), { after: Number.isSafeInteger(after) && after > 0 ? after : 0 })
    const { conversation, ...rest } = page
    return Response.json(
      { ...rest, assigneeId: conversation.assigneeId, officeId: conversation.officeId },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: Request, { params }: Params) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const id = await conversationId(params)
    const parsed = staffMessageSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    const result = await sendStaffMessage({ actor, conversationId: id, input: parsed.data })
    return Response.json(result, { status: result.duplicate ? 200 : 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
