import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { OfficeStatus } from '@/components/offices/office-status'
import { InstallApp } from '@/components/pwa/install-app'
import { AlertBanner } from '@/components/alerts/alert-banner'
import { listActiveAlerts } from '@/lib/alerts/public-alerts'
import { ButtonLink } from '@/components/ui/button-link'
import { Card } from '@/components/ui/card'
import { DescriptionList, telHref } from '@/components/ui/description-list'
import { SectionHeading } from '@/components/ui/section-heading'
import { getComune } from '@/lib/comune/get-comune'
import { listNews } from '@/lib/content/list-news'
import { listUpcomingEvents } from '@/lib/content/list-upcoming-events'
import { listOffices } from '@/lib/offices/list-offices'
import { EventList } from './_components/event-list'
import { NewsList } from './_components/news-list'
import { officeStatusProps } from './_components/office-hours-data'
import { getCitizenLocale } from './_lib/locale'

export async function generateMetadata(): Promise<Metadata> {
  await connection()
  const [comune, t] = await Promise.all([getComune(), getTranslations('home')])
  return {
    title: comune ? { absolute: comune.name } : undefined,
    description: t('metaDescription'),
  }
}

export default async function HomePage() {
  await connection()
  const now = new Date()
  const [comune, offices, news, events, locale, t, activeAlerts] = await Promise.all([
    getComune(),
    listOffices(),
    listNews({ limit: 3, now }),
    listUpcomingEvents({ limit: 3, now }),
    getCitizenLocale(),
    getTranslations(),
    listActiveAlerts(now),
  ])
  const upcoming = [...events.soon, ...events.later]

  return (
    <>
      {/* First under the header: on a small phone an alert in force must be on the first screen. */}
      <AlertBanner
        alerts={activeAlerts.map((a) => ({ id: a.id, level: a.level, headline: a.headline, levelLabel: t(`alerts.levels.${a.level}`) }))}
        labels={{ heading: t('alerts.title'), open: t('alerts.open') }}
      />

      <div className="mb-10">
        <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{comune?.name ?? 'Filo'}</h1>
        <p className="mt-3 max-w-prose text-lg text-muted">{t('home.intro')}</p>
        <InstallApp className="mt-6" />
      </div>

      <section aria-labelledby="segnala" className="mb-10 rounded-md border-2 border-primary p-5">
        <h2 id="segnala" className="text-2xl font-bold">{t('reports.homeCta')}</h2>
        <p className="mt-2 max-w-prose text-lg">{t('reports.homeLead')}</p>
        <ButtonLink href="/segnalazioni/nuova" variant="primary" className="mt-4">
          {t('reports.homeCta')}
        </ButtonLink>
      </section>

      <section aria-labelledby="protezione-civile" className="mb-10">
        <SectionHeading id="protezione-civile">{t('civilProtection.homeTitle')}</SectionHeading>
        <p className="mb-4 max-w-prose text-lg">{t('civilProtection.homeLead')}</p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/allerte">{t('civilProtection.alertsLink')}</ButtonLink>
          <ButtonLink href="/allerte/aree-di-attesa">{t('civilProtection.areasLink')}</ButtonLink>
        </div>
      </section>

      {offices.length > 0 ? (
        <section aria-labelledby="uffici" className="mb-12">
          <SectionHeading id="uffici">{t('home.officesTitle')}</SectionHeading>
          <ul className="grid gap-4 sm:grid-cols-2">
            {offices.map((office) => (
              <Card as="li" key={office.slug}>
                <h3 className="text-xl font-bold leading-snug">
                  <Link
                    href={`/uffici/${office.slug}`}
                    className="inline-block py-1.5 text-primary underline hover:text-primary-dark"
                  >
                    {office.name}
                  </Link>
                </h3>
                <OfficeStatus
                  className="mt-3"
                  locale={locale}
                  {...officeStatusProps(office, comune?.patronDay ?? null, now)}
                />
                {office.phone ? (
                  <p className="mt-1">
                    <a
                      href={telHref(office.phone)}
                      className="inline-flex min-h-11 items-center text-primary underline hover:text-primary-dark"
                    >
                      {t('common.phone')} {office.phone}
                    </a>
                  </p>
                ) : null}
              </Card>
            ))}
          </ul>
          <ButtonLink href="/uffici" className="mt-5">
            {t('home.officesAll')}
          </ButtonLink>
        </section>
      ) : null}

      {comune ? (
        <section aria-labelledby="contatti" className="mb-12">
          <SectionHeading id="contatti">{t('home.contactsTitle')}</SectionHeading>
          <Card>
            <DescriptionList
              items={[
                { label: t('common.address'), value: comune.address },
                { label: t('common.phone'), value: comune.phone, href: telHref(comune.phone) },
                { label: t('common.email'), value: comune.email, href: `mailto:${comune.email}` },
                { label: t('common.pec'), value: comune.pec, href: `mailto:${comune.pec}` },
              ]}
            />
          </Card>
        </section>
      ) : null}

      {news.length > 0 ? (
        <section aria-labelledby="notizie" className="mb-12">
          <SectionHeading id="notizie">{t('home.newsTitle')}</SectionHeading>
          <NewsList news={news} headingLevel={3} />
          <ButtonLink href="/notizie" className="mt-5">
            {t('home.newsAll')}
          </ButtonLink>
        </section>
      ) : null}

      {upcoming.length > 0 ? (
        <section aria-labelledby="eventi" className="mb-4">
          <SectionHeading id="eventi">{t('home.eventsTitle')}</SectionHeading>
          <EventList events={upcoming} headingLevel={3} />
          <ButtonLink href="/eventi" className="mt-5">
            {t('home.eventsAll')}
          </ButtonLink>
        </section>
      ) : null}
    </>
  )
}
