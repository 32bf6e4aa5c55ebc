// GET|POST /open311/v2/{discovery,services,requests,servicerequestupdates}.{xml,json} – GeoReport v2 resources
import { clientIp } from '@/lib/auth/client-ip'
import { authenticateOpen311Client } from '@/lib/open311/authenticate-client'
import { createOpen311Request } from '@/lib/open311/create-request'
import { getOpen311Discovery } from '@/lib/open311/discovery'
import { assertJurisdiction } from '@/lib/open311/jurisdiction'
import { listOpen311Requests } from '@/lib/open311/list-requests'
import { listOpen311Services } from '@/lib/open311/list-services'
import { takeOpen311Post } from '@/lib/open311/rate-limit'
import { one, paramsFromSearch, readPostParams } from '@/lib/open311/read-params'
import { listOpen311RequestUpdates, postOpen311RequestUpdate } from '@/lib/open311/request-updates'
import { answerOpen311, notFoundResponse } from '@/lib/open311/respond'
import { parseResourceFile } from '@/lib/open311/serialize-shared'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ file: string }> }

export async function GET(request: Request, { params }: Context) {
  const resource = parseResourceFile((await params).file)
  if (!resource) return notFoundResponse()
  const { name, format } = resource
  const query = paramsFromSearch(new URL(request.url).searchParams)
  switch (name) {
    case 'discovery':
      return answerOpen311(format, 'discovery', () => getOpen311Discovery())
    case 'services':
      return answerOpen311(format, 'services', () => {
        assertJurisdiction(one(query, 'jurisdiction_id'))
        return listOpen311Services()
      })
    case 'requests':
      return answerOpen311(format, 'service_requests', () => {
        assertJurisdiction(one(query, 'jurisdiction_id'))
        return listOpen311Requests(query)
      })
    case 'servicerequestupdates':
      return answerOpen311(format, 'service_request_updates', async () => {
        await authenticateOpen311Client(one(query, 'api_key'))
        assertJurisdiction(one(query, 'jurisdiction_id'))
        return listOpen311RequestUpdates(query)
      })
    default:
      return notFoundResponse(format)
  }
}

export async function POST(request: Request, { params }: Context) {
  const resource = parseResourceFile((await params).file)
  if (!resource) return notFoundResponse()
  const { name, format } = resource
  if (name !== 'requests' && name !== 'servicerequestupdates') return notFoundResponse(format)
  return answerOpen311(format, name === 'requests' ? 'service_requests' : 'service_request_updates', async () => {
    const ip = clientIp(request.headers) ?? 'unknown'
    takeOpen311Post([`ip:${ip}`])
    const body = await readPostParams(request)
    const client = await authenticateOpen311Client(one(body, 'api_key'))
    takeOpen311Post([`client:${client.clientId}`])
    assertJurisdiction(one(body, 'jurisdiction_id'))
    return name === 'requests' ? createOpen311Request(client, body, new Date(), request.headers.get('idempotency-key')) : postOpen311RequestUpdate(client, body)
  })
}
