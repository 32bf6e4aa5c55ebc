// POST /api/push/test – send a test notification to this device
import { requireCitizen } from '@/lib/citizens/current-citizen'
import { endpointSchema } from '@/lib/citizens/schemas'
import { sendTestNotification } from '@/lib/notify/send-test-notification'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    const parsed = endpointSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    const { notificationId } = await sendTestNotification(await requireCitizen(), parsed.data.endpoint)
    return Response.json({ ok: true, notificationId }, { status: 202 })
  } catch (error) {
    return errorResponse(error)
  }
}
