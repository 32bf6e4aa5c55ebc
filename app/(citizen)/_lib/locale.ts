import { getLocale } from 'next-intl/server'
import { defaultLocale, isLocale, type Locale } from '@/i18n/locales'

/** next-intl's locale, narrowed to the ones Filo ships. */
export async function getCitizenLocale(): Promise<Locale> {
  const locale = await getLocale()
  return isLocale(locale) ? locale : defaultLocale
}
