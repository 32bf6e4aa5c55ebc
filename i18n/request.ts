import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { LOCALE_COOKIE, defaultLocale, isLocale } from './locales'

// Italian first; English when the citizen chose it (a cookie, so URLs stay shareable).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : defaultLocale
  return {
    locale,
    timeZone: 'Europe/Rome',
    messages: (await import(`../messages/${locale}.json`)).default,
  }
})
