// GET /notifiche/apri/[id] – mark an inbox message read and go where it leads
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { openInboxItem } from '@/lib/inbox/inbox'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id)
  const citizen = await getCurrentCitizen()
  const target = citizen && Number.isSafeInteger(id) && id > 0 ? await openInboxItem(citizen, id) : null
  // A relative Location keeps the citizen on the address they used (behind a proxy too).
  return new Response(null, { status: 303, headers: { Location: target ?? '/notifiche', 'Cache-Control': 'no-store' } })
}
