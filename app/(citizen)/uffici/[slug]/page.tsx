import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { HoursTable } from '@/components/offices/hours-table'
import { OfficeStatus } from '@/components/offices/office-status'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { Card } from '@/components/ui/card'
import { DescriptionList, telHref, type DescriptionItem } from '@/components/ui/description-list'
import { SectionHeading } from '@/components/ui/section-heading'
import { getComune } from '@/lib/comune/get-comune'
import { getOfficeBySlug } from '@/lib/offices/get-office-by-slug'
import { HolidaysNote, UpcomingClosures } from '../../_components/closure-notes'
import { officeStatusProps } from '../../_components/office-hours-data'
import { getCitizenLocale } from '../../_lib/locale'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const office = await getOfficeBySlug((await params).slug)
  if (!office) return { title: (await getTranslations('errors'))('notFoundTitle') }
  return { title: office.name, description: office.description || undefined }
}

export default async function OfficePage({ params }: Props) {
  await connection()
  const { slug } = await params
  const now = new Date()
  const [office, comune, locale, t] = await Promise.all([
    getOfficeBySlug(slug),
    getComune(),
    getCitizenLocale(),
    getTranslations(),
  ])
  if (!office) notFound()
  const patronDay = comune?.patronDay ?? null

  const contacts: DescriptionItem[] = [{ label: t('common.address'), value: office.address }]
  if (office.phone)
    contacts.push({ label: t('common.phone'), value: office.phone, href: telHref(office.phone) })
  if (office.email)
    contacts.push({ label: t('common.email'), value: office.email, href: `mailto:${office.email}` })

  return (
    <>
      <Breadcrumbs
        label={t('common.breadcrumb')}
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/uffici', label: t('nav.offices') },
        ]}
        current={office.name}
      />
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{office.name}</h1>
      {office.description ? (
        <p lang="it" className="mt-3 max-w-prose text-lg text-muted">
          {office.description}
        </p>
      ) : null}
      <OfficeStatus
        className="mt-4 text-lg"
        locale={locale}
        {...officeStatusProps(office, patronDay, now)}
      />

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="orari">
          <Card>
            <SectionHeading id="orari">{t('offices.hoursTitle')}</SectionHeading>
            <HoursTable
              weeklyHours={office.weeklyHours}
              locale={locale}
              caption={t('offices.hoursCaption', { office: office.name })}
              captionHidden
            />
            <HolidaysNote patronDay={patronDay} locale={locale} />
            <UpcomingClosures closedDays={office.closedDays} now={now} headingLevel={3} />
          </Card>
        </section>
        <section aria-labelledby="contatti">
          <Card>
            <SectionHeading id="contatti">{t('offices.contactsTitle')}</SectionHeading>
            <DescriptionList items={contacts} />
          </Card>
        </section>
      </div>
    </>
  )
}
