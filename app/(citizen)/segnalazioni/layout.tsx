import { getTranslations } from 'next-intl/server'
import { ReportOutbox } from './_components/report-outbox'

export default async function ReportsLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('reports.flow')
  return (
    <>
      <ReportOutbox labels={{ sent: t.raw('outboxSent') as string, pending: t.raw('outboxPending') as string }} />
      {children}
    </>
  )
}
