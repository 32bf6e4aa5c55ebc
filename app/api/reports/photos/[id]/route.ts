// GET /api/reports/photos/[id] – a report photo: public once approved, otherwise only for its uploader and the staff handling it
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { errorResponse } from '@/lib/http/respond'
import { readReportPhoto } from '@/lib/reports/read-report-photo'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params
    const [staff, citizen] = await Promise.all([getCurrentStaff().catch(() => null), getCurrentCitizen()])
    const file = await readReportPhoto(id, { staff, citizen })
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    return new Response(file.bytes, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.byteLength),
        // Approval can be withdrawn: shared caches must ask again; unapproved photos are never cached by others.
        'Cache-Control': file.public ? 'public, max-age=300' : 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        'Content-Disposition': 'inline',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
