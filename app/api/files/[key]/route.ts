// GET /api/files/[key] – an uploaded image (news, events), public: keys are random and never reused
import { isFileKey } from '@/lib/storage/file-key-shared'
import { getStorage } from '@/lib/storage/get-storage'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  try {
    const { key } = await params
    const file = isFileKey(key) ? await getStorage().readFile(key) : null
    if (!file)
      return new Response('Not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    return new Response(file.bytes, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.byteLength),
        // A key names one upload forever: caches may keep it for a year.
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        // Opened on its own, the file can run nothing, whatever a crafted image hides.
        'Content-Security-Policy':
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        'Content-Disposition': 'inline',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
