// POST /api/notifications/opened – the service worker reports that the citizen tapped a notification
import { z } from 'zod'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { markNotificationRead } from '@/lib/inbox/inbox'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

const openedSchema = z.object({ id: z.uuid({ message: 'Notifica non valida.' }) })

export async function POST(request: Request) {
  try {
    const parsed = openedSchema.safeParse(await readJson(request, 1024))
    if (!parsed.success) throw invalid(parsed.error.issues)
    const citizen = await getCurrentCitizen()
    // No citizen on this device (erased, other browser): nothing to count, nothing to tell.
    if (citizen) await markNotificationRead(citizen, parsed.data.id)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
