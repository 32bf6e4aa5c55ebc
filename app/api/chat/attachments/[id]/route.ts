// GET /api/chat/attachments/[id] – a chat photo or clip, for the citizen of that chat or staff who may see it
import { z } from 'zod'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { readChatAttachment } from '@/lib/chat/read-attachment'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params
    if (!z.uuid().safeParse(id).success) throw new AppError('not_found', 'Allegato non trovato.')
    const staff = await getCurrentStaff()
    const actor = staff ?? (await getCurrentCitizen())
    const file = await readChatAttachment(actor, id)
    return new Response(file.bytes, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.byteLength),
        'Cache-Control': 'private, max-age=86400',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
        'Content-Disposition': 'inline',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
