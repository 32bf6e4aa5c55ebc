import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import { getPublicAlert } from '@/lib/alerts/public-alerts'
import { listPublicAlertHistory, type AlertChange } from '@/lib/alerts/public-alert-history'
import { riskInfo } from '@/lib/alerts/cap'
import { LevelBadge, levelBorder } from '@/components/alerts/level-badge'
import { ButtonLink } from '@/components/ui/button-link'
import { NearestWaitingAreas } from '@/components/alerts/nearest-waiting-areas'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const alert = await getPublicAlert((await params).id)
  if (!alert) return {}
  const t = await getTranslations('alerts')
  const title = `${t(`levels.${alert.level}`)}: ${alert.headline}`
  return { title, description: alert.description.slice(0, 200), openGraph: { title, description: alert.description.slice(0, 200) } }
}

export default async function AlertPage({ params }: Props) {
  await connection()
  const { id } = await params
  const [alert, history, t, near, areasPage, th, format, locale] = await Promise.all([
    getPublicAlert(id),
    listPublicAlertHistory(id),
    getTranslations('alerts'),
    getTranslations('nearestAreas'),
    getTranslations('waitingAreasPage'),
    getTranslations('alertHistory'),
    getFormatter(),
    getLocale(),
  ])
  if (!alert) notFound()
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' })
  const risks = alert.risks.map((r) => {
    const info = riskInfo[r as keyof typeof riskInfo]
    return info ? (locale === 'en' ? info.labelEn : info.label) : r
  })
  const levelName = (level: string) => (['verde', 'gialla', 'arancione', 'rossa'].includes(level) ? t(`levels.${level as 'rossa'}`) : level)
  const describe = (c: AlertChange): string => {
    switch (c.field) {
      case 'level':
        return th('level', { from: levelName(c.from), to: levelName(c.to) })
      case 'phase':
        return c.to && ['attenzione', 'preallarme', 'allarme'].includes(c.to) ? th('phase', { to: t(`phases.${c.to as 'allarme'}`) }) : th('phaseNone')
      case 'validUntil':
        return th('validUntil', { date: format.dateTime(c.to, { dateStyle: 'long', timeStyle: 'short' }) })
      case 'risks':
        return th('risksChanged')
      default:
        return th(c.field)
    }
  }
  const ended = alert.state === 'ended'
  const expired = !ended && alert.validUntil <= new Date()
  return (
    <article className={`border-l-8 pl-4 ${levelBorder(alert.level)}`}>
      <p className="mb-3">
        <LevelBadge level={alert.level} label={t(`levels.${alert.level}`)} large />
      </p>
      {risks.length ? <p className="mb-3 text-xl font-semibold">{th('risks', { risks: risks.join(', ') })}</p> : null}
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl" lang="it">
        {alert.headline}
      </h1>
      {ended || expired ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-success bg-success-light p-3 text-lg font-semibold text-success">
          {ended ? t('ended', { date: when(alert.endedAt ?? alert.validUntil) }) : t('expired', { date: when(alert.validUntil) })}
        </p>
      ) : null}
      <p className="mb-1 text-lg font-semibold">{t('validity', { from: when(alert.validFrom), until: when(alert.validUntil) })}</p>
      {alert.phase ? <p className="mb-1 text-lg">{t('phase', { phase: t(`phases.${alert.phase}`) })}</p> : null}
      <p className="mb-6 text-muted">{t('updated', { date: when(alert.updatedAt) })}</p>

      {alert.instructions ? (
        <section aria-labelledby="what-to-do" className="mb-6 rounded-md bg-surface p-4">
          <h2 id="what-to-do" className="mb-2 text-2xl font-bold">{t('whatToDo')}</h2>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.instructions}</p>
        </section>
      ) : null}

      <section aria-labelledby="situation" className="mb-6">
        <h2 id="situation" className="mb-2 text-2xl font-bold">{t('description')}</h2>
        <p className="whitespace-pre-line text-lg" lang="it">{alert.description}</p>
      </section>

      {alert.comuneActions ? (
        <section aria-labelledby="comune-actions" className="mb-6">
          <h2 id="comune-actions" className="mb-2 text-2xl font-bold">{t('whatComuneDoes')}</h2>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.comuneActions}</p>
        </section>
      ) : null}

      <section aria-labelledby="zones" className="mb-6">
        <h2 id="zones" className="mb-2 text-2xl font-bold">{t('zones')}</h2>
        {alert.zones.length ? (
          <ul className="list-disc pl-6 text-lg">
            {alert.zones.map((z) => (
              <li key={z.id}>{z.name}</li>
            ))}
          </ul>
        ) : (
          <p className="text-lg">{t('wholeComune')}</p>
        )}
      </section>

      {alert.waitingAreas.length ? (
        <section aria-labelledby="waiting-areas" className="mb-6">
          <h2 id="waiting-areas" className="mb-2 text-2xl font-bold">{t('waitingAreas')}</h2>
          {alert.waitingAreasChosen ? null : <p className="mb-2">{near('allAreas')}</p>}
          <NearestWaitingAreas
            areas={alert.waitingAreas}
            texts={{ button: near('button'), locating: near('locating'), denied: near('denied'), sorted: near('sorted'), away: near.raw('away') as string, directions: near('directions') }}
          />
          <Link href="/allerte/aree-di-attesa" className="mt-2 inline-flex min-h-11 items-center font-semibold text-primary underline">
            {areasPage('allAreas')}
          </Link>
        </section>
      ) : null}

      {history.length ? (
        <section aria-labelledby="history" className="mb-6">
          <h2 id="history" className="mb-2 text-2xl font-bold">{th('title')}</h2>
          <ol className="grid gap-2">
            {history.map((entry, i) => (
              <li key={i} className="rounded-md border-2 border-line p-3 text-lg">
                <time dateTime={entry.sent.toISOString()} className="block text-muted">
                  {when(entry.sent)}
                </time>
                <span className="font-semibold">{th(entry.msgType === 'Alert' ? 'alert' : entry.msgType === 'Update' ? 'update' : 'cancel')}</span>
                {entry.msgType === 'Update' ? `: ${entry.changes.length ? entry.changes.map(describe).join('; ') : th('nothing')}` : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <p className="mb-1">{t('issuer', { issuer: alert.issuer })}</p>
      {alert.sourceUrl ? (
        <p className="mb-4">
          <a href={alert.sourceUrl} className="text-primary underline" rel="noopener noreferrer">
            {t('source')}
          </a>
        </p>
      ) : null}
      <p className="mb-6 rounded-md border-2 border-danger p-3 font-semibold">{t('emergency')}</p>
      <ButtonLink href="/allerte">{t('all')}</ButtonLink>
    </article>
  )
}
