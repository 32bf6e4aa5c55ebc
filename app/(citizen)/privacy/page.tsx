import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { Markdown } from '@/components/ui/markdown'
import { PageTitle } from '@/components/ui/page-title'
import { getComune } from '@/lib/comune/get-comune'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy')
  return { title: t('title'), description: t('metaDescription') }
}

export default async function PrivacyPage() {
  await connection()
  const [comune, t] = await Promise.all([getComune(), getTranslations('privacy')])
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {comune ? (
        <>
          {/* The notice is the Comune's legal text, in Italian whatever the interface language. */}
          <Markdown lang="it">{comune.privacyNoticeText}</Markdown>
          <p className="mt-6 text-base text-muted">
            {t('version', { version: comune.privacyNoticeVersion })}
          </p>
        </>
      ) : null}
    </>
  )
}
