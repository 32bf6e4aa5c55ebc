// GET /cap/alerts.atom – Atom feed of the alerts in force, for aggregators and other systems
import { getCapFeed } from '@/lib/alerts/cap-documents'
import { ATOM_MIME_TYPE } from '@/lib/alerts/cap'

export const dynamic = 'force-dynamic'

export async function GET() {
  return new Response(await getCapFeed(), {
    headers: { 'Content-Type': `${ATOM_MIME_TYPE}; charset=utf-8`, 'Cache-Control': 'public, max-age=30' },
  })
}
