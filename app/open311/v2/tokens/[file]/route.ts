// GET /open311/v2/tokens/{token}.{xml,json} – service_request_id from a token (no token is ever issued: every service is realtime)
import { getOpen311Token } from '@/lib/open311/get-token'
import { assertJurisdiction } from '@/lib/open311/jurisdiction'
import { one, paramsFromSearch } from '@/lib/open311/read-params'
import { answerOpen311, notFoundResponse } from '@/lib/open311/respond'
import { parseResourceFile } from '@/lib/open311/serialize-shared'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const resource = parseResourceFile((await params).file)
  if (!resource) return notFoundResponse()
  const query = paramsFromSearch(new URL(request.url).searchParams)
  return answerOpen311(resource.format, 'service_requests', () => {
    assertJurisdiction(one(query, 'jurisdiction_id'))
    return getOpen311Token(resource.name)
  })
}
