import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { RetryButton } from '@/components/pwa/retry-button'
import { buttonClass } from '@/components/ui/notice-panel'

/**
 * What the service worker shows, at the address the citizen asked for, when a page cannot
 * be loaded and no copy of it is saved on the phone. It reads no data: the worker saves it
 * at install (and again when the citizen changes language).
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pwa.offline')
  return { title: t('title'), robots: { index: false, follow: false } }
}

export default async function OfflinePage() {
  const t = await getTranslations()
  const savedPages = [
    { href: '/', label: t('nav.home') },
    { href: '/uffici', label: t('nav.offices') },
    { href: '/notizie', label: t('nav.news') },
    { href: '/eventi', label: t('nav.events') },
    { href: '/allerte', label: t('nav.alerts') },
    { href: '/segnalazioni/nuova', label: t('reports.flow.title') },
  ]
  return (
    <div className="max-w-prose py-4 sm:py-8" data-filo-offline-page="">
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{t('pwa.offline.title')}</h1>
      <p className="mt-4 text-lg">{t('pwa.offline.lead')}</p>

      <h2 className="mt-8 text-2xl font-bold">{t('pwa.offline.stillWorksTitle')}</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6 text-lg">
        <li>{t('pwa.offline.stillWorksPages')}</li>
        <li>{t('pwa.offline.stillWorksOffices')}</li>
        <li>{t('pwa.offline.stillWorksReport')}</li>
        <li>{t('pwa.offline.stillWorksPhone')}</li>
      </ul>

      <nav aria-label={t('pwa.offline.savedPages')} className="mt-6">
        <ul className="flex flex-wrap gap-3">
          {savedPages.map((page) => (
            <li key={page.href}>
              {/* No prefetch: without a connection it could only fail. */}
              <Link
                href={page.href}
                prefetch={false}
                className="inline-flex min-h-12 items-center justify-center rounded-md border-2 border-primary bg-white px-5 font-semibold text-primary no-underline hover:bg-primary-light"
              >
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="mt-8 text-lg">{t('pwa.offline.whenBack')}</p>
      <div className="mt-4">
        <RetryButton label={t('pwa.offline.retry')} className={`${buttonClass} min-h-12 px-6`} />
      </div>
    </div>
  )
}
