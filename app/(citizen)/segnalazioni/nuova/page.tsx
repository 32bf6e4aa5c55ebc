import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getMessages, getTranslations } from 'next-intl/server'
import { PageTitle } from '@/components/ui/page-title'
import { getReportFormSetup } from '@/lib/reports/report-form-setup'
import { getCitizenLocale } from '../../_lib/locale'
import { ReportFlow } from './_components/report-flow'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.flow')
  return { title: t('title') }
}

export default async function NewReportPage() {
  await connection()
  // Nothing here depends on the citizen: the service worker keeps this page for offline reports.
  const [setup, messages, locale, t] = await Promise.all([getReportFormSetup(), getMessages(), getCitizenLocale(), getTranslations('reports.flow')])
  const texts = (messages as { reports: { flow: Parameters<typeof ReportFlow>[0]['t'] } }).reports.flow
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <ReportFlow
        t={texts}
        categories={setup.categories}
        boundary={setup.boundary}
        center={setup.center}
        privacyVersion={setup.privacyVersion}
        tileUrl={setup.tileUrl}
        attribution={setup.attribution}
        locale={locale}
      />
    </>
  )
}
