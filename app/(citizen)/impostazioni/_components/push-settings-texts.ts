import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/locales'

export const pushSettingsKeys = [
  'checking', 'unsupported', 'denied', 'off', 'on', 'paused', 'enable', 'enabling', 'enabled', 'pause', 'resume',
  'test', 'testSent', 'disable', 'disabled', 'privacyOnce', 'privacyLabel', 'privacyLink', 'privacyRequired', 'timeout', 'failed', 'offline',
] as const

export type PushSettingsTexts = Record<(typeof pushSettingsKeys)[number], string>

/** The words the client component needs, resolved on the server (no catalogue shipped to the browser). */
export async function pushSettingsTexts(locale: Locale): Promise<PushSettingsTexts> {
  const t = await getTranslations({ locale, namespace: 'pushSettings' })
  return Object.fromEntries(pushSettingsKeys.map((k) => [k, t(k)])) as PushSettingsTexts
}
