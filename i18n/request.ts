import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { LOCALE_COOKIE, defaultLocale, isLocale, type Locale } from './locales'

type Catalogue = Record<string, unknown>
type Loader = () => Promise<{ default: Catalogue }>

// Explicit imports: the bundler cannot follow a template-literal path. Each capability
// keeps its own file (messages/<locale>/<domain>.json, top-level keys are namespaces) so
// work on one area never edits another's strings.
const catalogues: Record<Locale, Loader[]> = {
  it: [
    () => import('../messages/it.json'),
    () => import('../messages/it/reports.json'),
    () => import('../messages/it/chat.json'),
    () => import('../messages/it/campaigns.json'),
    () => import('../messages/it/civil-protection.json'),
    () => import('../messages/it/alert-page.json'),
  ],
  en: [
    () => import('../messages/en.json'),
    () => import('../messages/en/reports.json'),
    () => import('../messages/en/chat.json'),
    () => import('../messages/en/campaigns.json'),
    () => import('../messages/en/civil-protection.json'),
    () => import('../messages/en/alert-page.json'),
  ],
}

export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const parts = await Promise.all(catalogues[locale].map((load) => load()))
  return Object.assign({}, ...parts.map((part) => part.default)) as Catalogue
}

// Italian first; English when the citizen chose it (a cookie, so URLs stay shareable).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : defaultLocale
  return {
    locale,
    timeZone: 'Europe/Rome',
    messages: await loadMessages(locale),
  }
})
