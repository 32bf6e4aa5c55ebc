import type { MetadataRoute } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { getComune } from '@/lib/comune/get-comune'
import { getLogger } from '@/lib/log'

/** The Comune's blue (Designers Italia primary), for the splash screen and the status bar. */
const THEME_COLOR = '#0066CC'

/**
 * GET /manifest.webmanifest – what makes Filo installable: the Comune's name, icons, colours.
 * Read at request time (the Comune's name lives in the database, which a build never opens).
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  await connection()
  const t = await getTranslations({ locale: 'it', namespace: 'pwa.manifest' })
  let comune: Awaited<ReturnType<typeof getComune>> = null
  try {
    comune = await getComune()
  } catch (error) {
    // Installing must not depend on the database: fall back to the app's own name.
    getLogger().warn({ err: error }, 'manifest: Comune non disponibile')
  }
  const name = comune?.name ?? 'Filo'
  return {
    id: '/',
    name,
    // The label under the icon: the town's short name (launchers cut what does not fit).
    short_name: comune?.shortName || 'Filo',
    description: t('description'),
    lang: 'it',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: THEME_COLOR,
    categories: ['government', 'news', 'utilities'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: '/icons/icon-maskable-192.png',
        sizes: '192x192',
        type: 'image/png',
        purpose: 'maskable',
      },
      {
        src: '/icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  }
}
