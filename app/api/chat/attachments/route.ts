// POST /api/chat/attachments[?conversation=id] – a photo or short clip (raw body) for the citizen's chat, or for staff in a conversation; an Idempotency-Key header makes a retried upload return the first one
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { maxUploadBytes, saveChatAttachment } from '@/lib/chat/save-attachment'
import { clientIdSchema } from '@/lib/chat/schemas'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'
import { assertSameOrigin, readBodyAtMost } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const conversationId = new URL(request.url).searchParams.get('conversation')
    const actor = conversationId ? await getCurrentStaff() : await getCurrentCitizen()
    if (!actor) throw new AppError('unauthenticated', 'Apri di nuovo la chat e riprova.')
    const key = request.headers.get('idempotency-key')
    const clientId = key === null ? undefined : clientIdSchema.safeParse(key)
    if (clientId && !clientId.success) throw new AppError('invalid_input', 'Identificativo del messaggio non valido.')
    const limitMb = Math.round(maxUploadBytes() / 1024 / 1024)
    const bytes = await readBodyAtMost(request, maxUploadBytes(), `Il file è troppo grande: al massimo ${limitMb} MB.`)
    const saved = await saveChatAttachment({ actor, conversationId: conversationId ?? undefined, bytes, clientId: clientId?.data })
    return Response.json(saved, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
