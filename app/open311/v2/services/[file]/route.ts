// GET /open311/v2/services/{service_code}.{xml,json} – a service's definition (its extra questions as attributes)
import { getOpen311ServiceDefinition } from '@/lib/open311/list-services'
import { assertJurisdiction } from '@/lib/open311/jurisdiction'
import { one, paramsFromSearch } from '@/lib/open311/read-params'
import { answerOpen311, notFoundResponse } from '@/lib/open311/respond'
import { parseResourceFile } from '@/lib/open311/serialize-shared'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const resource = parseResourceFile((await params).file)
  if (!resource) return notFoundResponse()
  const query = paramsFromSearch(new URL(request.url).searchParams)
  return answerOpen311(resource.format, 'service_definition', () => {
    assertJurisdiction(one(query, 'jurisdiction_id'))
    return getOpen311ServiceDefinition(resource.name)
  })
}
