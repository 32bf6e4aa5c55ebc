import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { DescriptionList, telHref } from '@/components/ui/description-list'
import type { PublicComune } from '@/lib/comune/get-comune'

export async function SiteFooter({ comune }: { comune: PublicComune | null }) {
  const t = await getTranslations()
  const link = 'inline-flex min-h-11 items-center text-white underline hover:no-underline'
  return (
    <footer className="mt-12 bg-primary-dark text-white">
      <div className="mx-auto grid w-full max-w-5xl gap-8 px-4 py-10 md:grid-cols-[2fr_1fr]">
        {comune ? (
          <div>
            <h2 className="mb-3 text-2xl font-bold">{comune.name}</h2>
            <DescriptionList
              inverse
              items={[
                { label: t('common.address'), value: comune.address },
                { label: t('common.phone'), value: comune.phone, href: telHref(comune.phone) },
                { label: t('common.email'), value: comune.email, href: `mailto:${comune.email}` },
                { label: t('common.pec'), value: comune.pec, href: `mailto:${comune.pec}` },
              ]}
            />
          </div>
        ) : null}
        <nav aria-label={t('footer.links')}>
          <ul className="space-y-1">
            <li>
              <Link href="/privacy" className={link}>
                {t('footer.privacy')}
              </Link>
            </li>
            <li>
              <Link href="/admin" className={link} prefetch={false}>
                {t('footer.staffArea')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
