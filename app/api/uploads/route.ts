// POST /api/uploads – keep an image (the raw file as the body) for a news item or event; staff only
import { requireStaff } from '@/lib/auth/current-staff'
import { IMAGE_TOO_LARGE, uploadContentImage } from '@/lib/content/upload-content-image'
import { IMAGE_MAX_BYTES } from '@/lib/content/schemas'
import { errorResponse } from '@/lib/http/respond'
import { assertSameOrigin, readBodyAtMost } from '@/lib/http/same-origin'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    assertSameOrigin(request)
    const actor = await requireStaff()
    const bytes = await readBodyAtMost(request, IMAGE_MAX_BYTES, IMAGE_TOO_LARGE)
    const saved = await uploadContentImage(actor, bytes)
    return Response.json(saved, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
