// POST /api/reports/photos – keep a photo (the raw file as the body) for the report a citizen is writing
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/respond'
import { assertSameOrigin, readBodyAtMost } from '@/lib/http/same-origin'
import { PHOTO_UPLOAD_MAX_BYTES } from '@/lib/reports/schemas'
import { PHOTO_TOO_LARGE, uploadReportPhoto } from '@/lib/reports/upload-report-photo'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const citizen = await getCurrentCitizen()
    if (!citizen) throw new AppError('unauthenticated', 'Conferma prima l’informativa sulla privacy.')
    const bytes = await readBodyAtMost(request, PHOTO_UPLOAD_MAX_BYTES, PHOTO_TOO_LARGE)
    const photo = await uploadReportPhoto(citizen, bytes)
    return Response.json(photo, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
