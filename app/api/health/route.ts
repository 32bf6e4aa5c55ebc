// GET /api/health – database and migration state: 200 when usable, 503 when the database is unreachable
import { getHealth } from '@/lib/health/get-health'

export const dynamic = 'force-dynamic'

export async function GET() {
  const health = await getHealth()
  return Response.json(health, {
    status: health.status === 'unavailable' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
