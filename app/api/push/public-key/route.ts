// GET /api/push/public-key – the VAPID application server key browsers subscribe with
import { getVapidKeys } from '@/lib/push/vapid-keys'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    const { publicKey } = await getVapidKeys()
    return Response.json({ publicKey }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
  } catch (error) {
    return errorResponse(error)
  }
}
