'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { getLocale } from 'next-intl/server'
import { bindDeviceToCitizen, getCurrentCitizen, requireCitizen, unbindDevice } from '@/lib/citizens/current-citizen'
import { eraseCitizen, setCitizenTopics } from '@/lib/citizens/citizen-settings'
import { startCitizen } from '@/lib/citizens/start-citizen'
import { topicChoiceSchema, zoneChoiceSchema } from '@/lib/citizens/schemas'
import { saveCitizenZones } from '@/lib/citizens/save-citizen-zones'
import { AppError } from '@/lib/errors'

// Plain form posts that redirect with a status code, so they work without JavaScript.

export async function saveTopicsAction(formData: FormData): Promise<void> {
  const parsed = topicChoiceSchema.safeParse({ topicIds: formData.getAll('topic') })
  if (!parsed.success) redirect('/impostazioni?esito=errore#argomenti')
  let citizen = await getCurrentCitizen()
  if (!citizen) {
    const privacyVersion = formData.get('privacyVersion')
    if (formData.get('privacy') !== 'on' || typeof privacyVersion !== 'string') redirect('/impostazioni?esito=privacy#argomenti')
    try {
      citizen = await startCitizen({ privacyVersion, locale: (await getLocale()) === 'en' ? 'en' : 'it' })
    } catch (error) {
      if (error instanceof AppError) redirect('/impostazioni?esito=privacy#argomenti')
      throw error
    }
    await bindDeviceToCitizen(citizen.id)
  }
  try {
    await setCitizenTopics(citizen, parsed.data.topicIds)
  } catch (error) {
    if (error instanceof AppError) redirect('/impostazioni?esito=errore#argomenti')
    throw error
  }
  revalidatePath('/impostazioni')
  redirect('/impostazioni?esito=argomenti#argomenti')
}

export async function saveZonesAction(formData: FormData): Promise<void> {
  const parsed = zoneChoiceSchema.safeParse({ zoneIds: formData.getAll('zone') })
  if (!parsed.success) redirect('/impostazioni?esito=zone-errore#zone')
  const citizen = await getCurrentCitizen()
  if (!citizen) redirect('/impostazioni?esito=zone-prima#zone')
  try {
    await saveCitizenZones({ actor: citizen, zoneIds: parsed.data.zoneIds })
  } catch (error) {
    if (error instanceof AppError) redirect('/impostazioni?esito=zone-errore#zone')
    throw error
  }
  revalidatePath('/impostazioni')
  redirect('/impostazioni?esito=zone#zone')
}

export async function eraseDataAction(formData: FormData): Promise<void> {
  if (formData.get('confirm') !== 'on') redirect('/impostazioni?esito=conferma#dati')
  const citizen = await requireCitizen().catch(() => null)
  if (citizen) await eraseCitizen(citizen)
  await unbindDevice()
  revalidatePath('/', 'layout')
  redirect('/impostazioni?esito=cancellato#dati')
}
