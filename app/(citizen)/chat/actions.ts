'use server'

import { redirect } from 'next/navigation'
import { getLocale } from 'next-intl/server'
import { bindDeviceToCitizen, getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { startCitizen } from '@/lib/citizens/start-citizen'
import { AppError } from '@/lib/errors'

/** Binds this device to an anonymous citizen once they acknowledged the privacy notice, then opens the chat. */
export async function startChatAction(formData: FormData): Promise<void> {
  if (!(await getCurrentCitizen())) {
    const privacyVersion = formData.get('privacyVersion')
    if (formData.get('privacy') !== 'on' || typeof privacyVersion !== 'string') redirect('/chat?esito=privacy')
    try {
      const citizen = await startCitizen({ privacyVersion, locale: (await getLocale()) === 'en' ? 'en' : 'it' })
      await bindDeviceToCitizen(citizen.id)
    } catch (error) {
      if (error instanceof AppError) redirect('/chat?esito=privacy')
      throw error
    }
  }
  redirect('/chat')
}
