import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { PageTitle } from '@/components/ui/page-title'
import { SectionHeading } from '@/components/ui/section-heading'
import { listUpcomingEvents } from '@/lib/content/list-upcoming-events'
import { EventList } from '../_components/event-list'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('events')
  return { title: t('title'), description: t('metaDescription') }
}

export default async function EventsPage() {
  await connection()
  const [{ soon, later }, t] = await Promise.all([listUpcomingEvents(), getTranslations('events')])
  return (
    <>
      <PageTitle lead={t('intro')}>{t('title')}</PageTitle>
      {soon.length === 0 && later.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <section aria-labelledby="prossimi-7-giorni" className="mb-12">
            <SectionHeading id="prossimi-7-giorni">{t('soonTitle')}</SectionHeading>
            {soon.length === 0 ? (
              <p>{t('emptySoon')}</p>
            ) : (
              <EventList events={soon} headingLevel={3} />
            )}
          </section>
          {later.length > 0 ? (
            <section aria-labelledby="piu-avanti">
              <SectionHeading id="piu-avanti">{t('laterTitle')}</SectionHeading>
              <EventList events={later} headingLevel={3} />
            </section>
          ) : null}
        </>
      )}
    </>
  )
}
