import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { Locale } from '@/i18n/locales'
import { LanguageSwitch } from './language-switch'
import { MainNav } from './main-nav'

/** Designers Italia header: a slim bar (region, language), the Comune's name, the menu. */
export async function SiteHeader({
  name,
  region,
  locale,
}: {
  name: string
  region: string | null
  locale: Locale
}) {
  const t = await getTranslations()
  return (
    <header>
      <div className="bg-primary-dark text-white">
        <div className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-1">
          <span className="text-base">{region ? t('common.region', { region }) : null}</span>
          <LanguageSwitch locale={locale} />
        </div>
      </div>
      <div className="bg-primary text-white">
        <div className="mx-auto w-full max-w-5xl px-4 pb-3 pt-5 sm:pt-7">
          <Link
            href="/"
            className="inline-block py-1 text-3xl font-bold leading-tight text-white no-underline hover:underline sm:text-4xl"
          >
            {name}
          </Link>
          <p className="mt-1 text-base text-white">{t('common.tagline')}</p>
        </div>
      </div>
      <MainNav
        label={t('common.mainNav')}
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/uffici', label: t('nav.offices') },
          { href: '/notizie', label: t('nav.news') },
          { href: '/eventi', label: t('nav.events') },
          { href: '/allerte', label: t('nav.alerts') },
          { href: '/segnalazioni', label: t('reports.nav') },
          { href: '/notifiche', label: t('nav.inbox'), unreadBadge: true },
          { href: '/impostazioni', label: t('nav.settings') },
        ]}
      />
    </header>
  )
}
