// GET /open311/v2/requests/{service_request_id}.{xml,json} – one request, public facts only
import { assertJurisdiction } from '@/lib/open311/jurisdiction'
import { getOpen311Request } from '@/lib/open311/list-requests'
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
    return getOpen311Request(resource.name)
  })
}
