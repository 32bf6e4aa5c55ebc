// POST, PATCH, DELETE /api/push/subscriptions – save, pause/resume or remove this device's push subscription
import { getCurrentCitizen, bindDeviceToCitizen, requireCitizen } from '@/lib/citizens/current-citizen'
import { startCitizen } from '@/lib/citizens/start-citizen'
import { savePushSubscription } from '@/lib/citizens/save-push-subscription'
import { removeDevice, setDeviceEnabled } from '@/lib/citizens/manage-devices'
import { setCitizenTopics } from '@/lib/citizens/citizen-settings'
import { deviceSettingsSchema, endpointSchema, pushSubscriptionSchema } from '@/lib/citizens/schemas'
import { AppError } from '@/lib/errors'
import { errorResponse, invalid, readJson } from '@/lib/http/respond'
import { getLocale } from 'next-intl/server'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  try {
    const parsed = pushSubscriptionSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    let citizen = await getCurrentCitizen()
    if (!citizen) {
      // A first subscription is where a citizen comes to exist: only after the privacy notice.
      if (!parsed.data.privacyVersion) {
        throw new AppError('forbidden', 'Per attivare le notifiche conferma di aver letto l’informativa sulla privacy.')
      }
      const locale = (await getLocale()) === 'en' ? 'en' : 'it'
      citizen = await startCitizen({ privacyVersion: parsed.data.privacyVersion, locale })
      await bindDeviceToCitizen(citizen.id)
      if (parsed.data.topics) await setCitizenTopics(citizen, parsed.data.topics)
    }
    const saved = await savePushSubscription(citizen, parsed.data)
    return Response.json({ ok: true, id: saved.id }, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}

export async function PATCH(request: Request) {
  try {
    const parsed = deviceSettingsSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    await setDeviceEnabled(await requireCitizen(), parsed.data.endpoint, parsed.data.enabled)
    return Response.json({ ok: true })
  } catch (error) {
    return errorResponse(error)
  }
}

export async function DELETE(request: Request) {
  try {
    const parsed = endpointSchema.safeParse(await readJson(request))
    if (!parsed.success) throw invalid(parsed.error.issues)
    await removeDevice(await requireCitizen(), parsed.data.endpoint)
    return Response.json({ ok: true })
  } catch (error) {
    return errorResponse(error)
  }
}
