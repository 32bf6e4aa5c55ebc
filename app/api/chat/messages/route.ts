// GET /api/chat/messages?after=N – the citizen's messages; POST – send one (idempotent by clientId)
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { listMessagesForCitizen } from '@/lib/chat/list-messages'
import { sendMessageSchema } from '@/lib/chat/schemas'
import { sendCitizenMessage } from '@/lib/chat/send-citizen-message'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { assertSameOrigin } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  try {
    const citizen = await requireCitizen()
    const after = Number(new URL(request.url).searchParams.get('after') ?? '0')
    return Response.json(await listMessagesForCitizen(citizen, { after: Number.isSafeInteger(after) && after > 0 ? after : 0 }), {
      headers: { 'Cache-Control': 'no-store' },
    })
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const citizen = await requireCitizen()
    const parsed = sendMessageSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    const result = await sendCitizenMessage({ actor: citizen, input: parsed.data })
    return Response.json(result, { status: result.duplicate ? 200 : 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
