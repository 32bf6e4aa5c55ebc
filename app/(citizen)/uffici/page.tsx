import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { HoursTable } from '@/components/offices/hours-table'
import { OfficeStatus } from '@/components/offices/office-status'
import { Card } from '@/components/ui/card'
import { DescriptionList, telHref, type DescriptionItem } from '@/components/ui/description-list'
import { PageTitle } from '@/components/ui/page-title'
import { getComune } from '@/lib/comune/get-comune'
import { listOffices } from '@/lib/offices/list-offices'
import { HolidaysNote, UpcomingClosures } from '../_components/closure-notes'
import { officeStatusProps } from '../_components/office-hours-data'
import { getCitizenLocale } from '../_lib/locale'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('offices')
  return { title: t('title'), description: t('metaDescription') }
}

export default async function OfficesPage() {
  await connection()
  const now = new Date()
  const [comune, offices, locale, t] = await Promise.all([
    getComune(),
    listOffices(),
    getCitizenLocale(),
    getTranslations(),
  ])
  const patronDay = comune?.patronDay ?? null

  return (
    <>
      <PageTitle lead={t('offices.intro')}>{t('offices.title')}</PageTitle>
      <HolidaysNote patronDay={patronDay} locale={locale} />
      {offices.length === 0 ? <p className="mt-6">{t('offices.empty')}</p> : null}
      <ul className="mt-6 space-y-6">
        {offices.map((office) => {
          const contacts: DescriptionItem[] = [
            { label: t('common.address'), value: office.address },
          ]
          if (office.phone)
            contacts.push({
              label: t('common.phone'),
              value: office.phone,
              href: telHref(office.phone),
            })
          if (office.email)
            contacts.push({
              label: t('common.email'),
              value: office.email,
              href: `mailto:${office.email}`,
            })
          return (
            <Card as="li" key={office.slug}>
              <h2 className="text-2xl font-bold leading-snug">
                <Link
                  href={`/uffici/${office.slug}`}
                  className="inline-block py-1.5 text-primary underline hover:text-primary-dark"
                >
                  {office.name}
                </Link>
              </h2>
              {office.description ? (
                <p lang="it" className="mt-2">
                  {office.description}
                </p>
              ) : null}
              <OfficeStatus
                className="mt-3"
                locale={locale}
                {...officeStatusProps(office, patronDay, now)}
              />
              <UpcomingClosures closedDays={office.closedDays} now={now} headingLevel={3} />
              <div className="mt-5 grid gap-6 lg:grid-cols-2">
                <HoursTable
                  weeklyHours={office.weeklyHours}
                  locale={locale}
                  caption={t('offices.hoursTitle')}
                />
                <DescriptionList items={contacts} className="lg:pt-10" />
              </div>
            </Card>
          )
        })}
      </ul>
    </>
  )
}
