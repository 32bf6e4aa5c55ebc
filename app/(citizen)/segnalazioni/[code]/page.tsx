import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { PageTitle } from '@/components/ui/page-title'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { getComune } from '@/lib/comune/get-comune'
import { getPublicReport } from '@/lib/reports/public-reports'
import { answerResolutionAction, followFormAction } from '../actions'

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).code }
}

export default async function ReportPage({ params, searchParams }: Props) {
  await connection()
  const { code } = await params
  const outcome = (await searchParams).esito
  const citizen = await getCurrentCitizen()
  const report = await getPublicReport(decodeURIComponent(code), citizen)
  if (!report) notFound()
  const [t, ts, format, comune, tc] = await Promise.all([getTranslations('reports.detail'), getTranslations('reports.status'), getFormatter(), getComune(), getTranslations()])
  const status = (s: string | null) => (s ? ts(s as 'received') : '')
  const [y, m, d] = report.dueDate.split('-').map(Number) as [number, number, number]
  const due = format.dateTime(new Date(Date.UTC(y, m - 1, d, 12)), { dateStyle: 'long' })
  const button = 'inline-flex min-h-12 items-center justify-center rounded-md px-5 font-semibold'
  const eventTitle = (e: (typeof report.timeline)[number]) =>
    e.kind === 'created' ? t('event_created') : e.kind === 'status' ? t('event_status', { status: status(e.toStatus) }) : e.kind === 'merge' ? t('event_merge') : e.kind === 'resolution' ? t('event_resolution') : t('event_note')

  return (
    <>
      {/* The way back to the list, as news, events and offices have. */}
      <Breadcrumbs
        label={tc('common.breadcrumb')}
        items={[
          { href: '/', label: tc('nav.home') },
          { href: '/segnalazioni', label: tc('reports.nav') },
        ]}
        current={report.publicCode}
      />
      <PageTitle>{report.title}</PageTitle>
      <div aria-live="polite">
        {outcome === 'segui' ? <p role="status" className="mb-4 rounded-md border-l-4 border-success bg-success-light p-3 font-semibold text-success">{t('followed')}</p> : null}
        {outcome === 'errore' ? <p role="alert" className="mb-4 rounded-md border-l-4 border-danger bg-danger-light p-3 font-semibold text-danger">{t('errorGeneric')}</p> : null}
        {outcome === 'privacy' ? <p role="alert" className="mb-4 rounded-md border-l-4 border-danger bg-danger-light p-3 font-semibold text-danger">{t('followPrivacyRequired')}</p> : null}
      </div>
      {report.mergedIntoCode ? (
        <p className="mb-4 rounded-md border-l-4 border-primary bg-primary-light p-3 font-semibold">
          {t('mergedInto', { code: report.mergedIntoCode })}{' '}
          <Link href={`/segnalazioni/${report.mergedIntoCode}`} className="underline">{t('mergedLink', { code: report.mergedIntoCode })}</Link>
        </p>
      ) : null}

      <dl className="mb-6 grid gap-3 sm:grid-cols-2">
        <div><dt className="font-semibold">{t('code')}</dt><dd className="font-mono text-lg" data-testid="report-code">{report.publicCode}</dd></div>
        <div><dt className="font-semibold">{t('status')}</dt><dd><span className="inline-block rounded border-2 border-ink px-2 font-bold" data-testid="report-status">{status(report.status)}</span></dd></div>
        <div><dt className="font-semibold">{t('category')}</dt><dd>{report.categoryName}</dd></div>
        <div><dt className="font-semibold">{t('place')}</dt><dd>{report.address || `${report.latitude.toFixed(5)}, ${report.longitude.toFixed(5)}`}</dd></div>
        <div><dt className="font-semibold">{t('reported')}</dt><dd>{format.dateTime(report.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</dd></div>
        {report.open ? (
          <div><dt className="font-semibold">{t('expected')}</dt><dd data-testid="expected-date">{due}<span className="block text-sm text-muted">{t('expectedNote')}</span></dd></div>
        ) : null}
      </dl>

      <section aria-labelledby="details" className="mb-6">
        <h2 id="details" className="mb-2 text-2xl font-bold">{t('details')}</h2>
        <p className="max-w-prose whitespace-pre-wrap break-words text-lg">{report.description}</p>
      </section>

      {report.photos.length ? (
        <section aria-labelledby="photos" className="mb-6">
          <h2 id="photos" className="mb-2 text-2xl font-bold">{t('photos')}</h2>
          <ul className="flex flex-wrap gap-3">
            {report.photos.map((p, i) => (
              <li key={p.id}>
                {/* eslint-disable-next-line @next/next/no-img-element -- photos are already resized JPEGs */}
                <img src={p.url} alt={`${t('photos')} ${i + 1}`} width={240} height={180} className="h-45 w-60 rounded object-cover" />
                {p.pending ? <p className="text-sm font-semibold">{t('photoPending')}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {report.askResolution || outcome === 'riaperta' || outcome === 'confermata' ? (
        <section id="risposta" aria-labelledby="ask" className="mb-6 rounded-md border-2 border-primary p-4">
          <h2 id="ask" className="mb-2 text-2xl font-bold">{t('askTitle')}</h2>
          {outcome === 'riaperta' ? <p role="status" className="font-semibold">{t('answeredNo')}</p> : null}
          {outcome === 'confermata' ? <p role="status" className="font-semibold">{t('answeredYes')}</p> : null}
          {report.askResolution ? (
            <form action={answerResolutionAction}>
              <p className="mb-3">{t('askLead')}</p>
              <input type="hidden" name="code" value={report.publicCode} />
              <label htmlFor="note" className="block font-semibold">{t('askNote')}</label>
              <textarea id="note" name="note" maxLength={1000} className="mt-1 mb-3 block min-h-20 w-full rounded-md border-2 border-muted p-2" />
              <div className="flex flex-wrap gap-3">
                <button type="submit" name="answer" value="yes" className={`${button} bg-primary text-white`}>{t('askYes')}</button>
                <button type="submit" name="answer" value="no" className={`${button} border-2 border-primary bg-white text-primary`}>{t('askNo')}</button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      {report.open && !report.isReporter ? (
        <section aria-labelledby="follow" className="mb-6 rounded-md border-2 border-line p-4">
          <h2 id="follow" className="sr-only">{t('follow')}</h2>
          {report.following ? (
            <p className="font-semibold">{t('following')}</p>
          ) : (
            <form action={followFormAction}>
              <p className="mb-3">{t('followHint')}</p>
              <input type="hidden" name="code" value={report.publicCode} />
              {citizen ? null : (
                // A first visit from this device: following needs the privacy notice read, as reporting does.
                <div className="mb-3">
                  <input type="hidden" name="privacyVersion" value={comune?.privacyNoticeVersion ?? ''} />
                  <label className="flex min-h-12 items-start gap-3">
                    <input type="checkbox" name="privacy" className="mt-1 size-6 shrink-0 accent-primary" />
                    <span>{t('followPrivacyLabel')}</span>
                  </label>
                  <Link href="/privacy" className="inline-flex min-h-11 items-center text-primary underline">{t('followPrivacyLink')}</Link>
                </div>
              )}
              <button type="submit" className={`${button} bg-primary text-white`}>{t('follow')}</button>
            </form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-2xl font-bold">{t('timeline')}</h2>
        <ol className="grid gap-3 border-l-4 border-primary pl-4" data-testid="timeline">
          {report.timeline.map((e) => (
            <li key={e.id}>
              <p className="font-semibold">{eventTitle(e)}</p>
              <p className="text-sm text-muted">{format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'short' })}</p>
              {e.note ? <p className="whitespace-pre-wrap break-words">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
