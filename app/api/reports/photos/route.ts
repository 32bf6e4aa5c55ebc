// POST /api/reports/photos – keep a photo (the raw file as the body) for the report a citizen is writing
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'
import { PHOTO_UPLOAD_MAX_BYTES } from '@/lib/reports/schemas'
import { PHOTO_TOO_LARGE, uploadReportPhoto } from '@/lib/reports/upload-report-photo'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const citizen = await getCurrentCitizen()
    if (!citizen) throw new AppError('unauthenticated', 'Conferma prima l’informativa sulla privacy.')
    const bytes = await readAtMost(request, PHOTO_UPLOAD_MAX_BYTES)
    const photo = await uploadReportPhoto(citizen, bytes)
    return Response.json(photo, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}

function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin')
  if (!origin) return
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  let originHost = ''
  try {
    originHost = new URL(origin).host
  } catch {}
  if (originHost !== host) throw new AppError('forbidden', 'Caricamento non consentito da questa pagina.')
}

/** The body, refusing early (by declared length, or while reading) anything over `limit`: a 50 MB upload never fills memory. */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError('invalid_input', PHOTO_TOO_LARGE)
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
