// GET /api/inbox/unread – this device's unread inbox count, for the menu badge. Asked by
// the browser, so the pages themselves stay the same for every citizen (and cacheable).
import { getTranslations } from 'next-intl/server'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { countUnread } from '@/lib/inbox/inbox'
import { errorResponse } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    const citizen = await getCurrentCitizen()
    const count = citizen ? await countUnread(citizen) : 0
    const label = count > 0 ? (await getTranslations('nav'))('unread', { count }) : ''
    return Response.json({ count, label }, { headers: { 'Cache-Control': 'private, no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
