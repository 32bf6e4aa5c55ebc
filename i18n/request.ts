import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { LOCALE_COOKIE, defaultLocale, isLocale, type Locale } from './locales'

// Explicit imports: the bundler cannot follow a template-literal path.
const catalogues: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  it: () => import('../messages/it.json'),
  en: () => import('../messages/en.json'),
}

// Italian first; English when the citizen chose it (a cookie, so URLs stay shareable).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : defaultLocale
  return {
    locale,
    timeZone: 'Europe/Rome',
    messages: (await catalogues[locale]()).default,
  }
})
