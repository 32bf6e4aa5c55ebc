// POST /api/uploads – keep an image (the raw file as the body) for a news item or event; staff only
import { requireStaff } from '@/lib/auth/current-staff'
import { IMAGE_TOO_LARGE, uploadContentImage } from '@/lib/content/upload-content-image'
import { IMAGE_MAX_BYTES } from '@/lib/content/schemas'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const bytes = await readAtMost(request, IMAGE_MAX_BYTES)
    const saved = await uploadContentImage(actor, bytes)
    return Response.json(saved, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}

/**
 * The staff cookie is SameSite=Lax, so another site cannot post with it; checking Origin
 * as well (as Next does for server actions) costs nothing.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin')
  if (!origin) return
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    originHost = ''
  }
  if (originHost !== host)
    throw new AppError('forbidden', 'Caricamento non consentito da questa pagina.')
}

/** The body, refusing early (by its declared length, or while reading) anything over `limit`. */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError('invalid_input', IMAGE_TOO_LARGE)
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge()
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
