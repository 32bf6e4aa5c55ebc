import Link from 'next/link'
import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import type { Ring } from '@/lib/alerts/geometry-shared'
import { riskLabel } from '@/lib/alerts/risks-shared'
import type { AlertChange, AlertHistoryEntry } from '@/lib/alerts/alert-history-shared'
import { LevelBadge, levelBorder } from '@/components/alerts/level-badge'
import { ButtonLink } from '@/components/ui/button-link'
import { NearestWaitingAreas } from '@/components/alerts/nearest-waiting-areas'
import { AlertAreaText } from './alert-area-text'

/** What the page shows (lib/alerts/public-alerts loadAlertPage gives it). */
export type AlertArticleData = {
  state: string
  level: string
  phase: string | null
  risks: string[]
  headline: string
  description: string
  comuneActions: string
  instructions: string
  sourceUrl: string | null
  issuer: string
  validFrom: Date
  validUntil: Date
  updatedAt: Date
  endedAt: Date | null
  area: { zoneNames: string[]; drawn: Ring | null }
  boundary: Ring
  waitingAreas: Array<{ id: number; name: string; address: string; latitude: number; longitude: number }>
  waitingAreasChosen: boolean
}

/**
 * The alert page as citizens read it. The approver sees the same component as a preview
 * (`preview`: headings one level down, no navigation), so what is approved is what is shown.
 */
export async function AlertArticle({ alert, history = [], preview = false }: { alert: AlertArticleData; history?: AlertHistoryEntry[]; preview?: boolean }) {
  const [t, near, areasPage, th, format, locale] = await Promise.all([
    getTranslations('alerts'),
    getTranslations('nearestAreas'),
    getTranslations('waitingAreasPage'),
    getTranslations('alertHistory'),
    getFormatter(),
    getLocale(),
  ])
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' })
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'full' })
  const hour = (d: Date) => format.dateTime(d, { timeStyle: 'short' })
  const validity =
    day(alert.validFrom) === day(alert.validUntil)
      ? t('validitySameDay', { day: day(alert.validFrom), fromTime: hour(alert.validFrom), untilTime: hour(alert.validUntil) })
      : t('validity', { fromDay: day(alert.validFrom), fromTime: hour(alert.validFrom), untilDay: day(alert.validUntil), untilTime: hour(alert.validUntil) })
  const risks = alert.risks.map((r) => riskLabel(r, locale))
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
  // Over: nothing may look like a warning still in force (level greyed, instructions in the past).
  const over = ended || expired
  const Title = preview ? 'h3' : 'h1'
  const Section = preview ? 'h4' : 'h2'
  // Ids stay unique when the preview sits inside a staff page with headings of its own.
  const id = (name: string) => (preview ? `preview-${name}` : name)
  return (
    <article className={`border-l-8 pl-4 ${over ? 'border-line' : levelBorder(alert.level)}`}>
      {over ? (
        <div role="status" data-testid="alert-over" className="mb-4 rounded-md border-4 border-ink bg-surface p-4">
          <p className="text-2xl font-bold uppercase tracking-wide">{t(ended ? 'endedTitle' : 'expiredTitle')}</p>
          <p className="text-lg font-semibold">{ended ? t('ended', { date: when(alert.endedAt ?? alert.validUntil) }) : t('expired', { date: when(alert.validUntil) })}</p>
          <p className="text-lg">{t('overLead')}</p>
        </div>
      ) : null}
      <p className="mb-3">
        {over ? (
          <span className="inline-block rounded-md border-2 border-muted px-3 py-1 font-semibold text-muted" data-testid="alert-level">
            {t('overLevel', { level: t(`levels.${alert.level}`) })}
          </span>
        ) : (
          <LevelBadge level={alert.level} label={t(`levels.${alert.level}`)} large />
        )}
      </p>
      {risks.length ? <p className="mb-3 text-xl font-semibold">{th('risks', { risks: risks.join(', ') })}</p> : null}
      <Title className="mb-2 text-3xl font-bold sm:text-4xl" lang="it">
        {alert.headline}
      </Title>
      <p className="mb-1 text-lg font-semibold">{over ? t('wasValid', { validity }) : validity}</p>
      {alert.phase ? (
        <p className="mb-1 text-lg">
          <span className="font-semibold">{t('phase', { phase: t(`phases.${alert.phase}`) })}</span>
          {/* The phase names are civil-protection jargon: one plain line says what each means, while it is in force. */}
          {over ? null : <span className="block">{t(`phaseHelp.${alert.phase}`)}</span>}
        </p>
      ) : null}
      <p className="mb-6 text-muted">{t('updated', { date: when(alert.updatedAt) })}</p>

      {alert.instructions ? (
        <section aria-labelledby={id('what-to-do')} className={`mb-6 rounded-md p-4 ${over ? 'border-2 border-line' : 'bg-surface'}`}>
          <Section id={id('what-to-do')} className="mb-2 text-2xl font-bold">{t(over ? 'whatToDoOver' : 'whatToDo')}</Section>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.instructions}</p>
        </section>
      ) : null}

      <section aria-labelledby={id('situation')} className="mb-6">
        <Section id={id('situation')} className="mb-2 text-2xl font-bold">{t('description')}</Section>
        <p className="whitespace-pre-line text-lg" lang="it">{alert.description}</p>
      </section>

      {alert.comuneActions ? (
        <section aria-labelledby={id('comune-actions')} className="mb-6">
          <Section id={id('comune-actions')} className="mb-2 text-2xl font-bold">{t('whatComuneDoes')}</Section>
          <p className="whitespace-pre-line text-lg" lang="it">{alert.comuneActions}</p>
        </section>
      ) : null}

      <section aria-labelledby={id('zones')} className="mb-6">
        <Section id={id('zones')} className="mb-2 text-2xl font-bold">{t('zones')}</Section>
        <AlertAreaText area={alert.area} boundary={alert.boundary} />
      </section>

      {alert.waitingAreas.length && over ? (
        // Kept for the record, folded away: after the alert nobody needs to go there.
        <details className="mb-6 rounded-md border-2 border-line p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">{t('waitingAreasOver', { count: alert.waitingAreas.length })}</summary>
          <ul className="mt-2 grid gap-1">
            {alert.waitingAreas.map((a) => (
              <li key={a.id}>
                {a.name} · {a.address}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {alert.waitingAreas.length && !over ? (
        <section aria-labelledby={id('waiting-areas')} className="mb-6">
          <Section id={id('waiting-areas')} className="mb-2 text-2xl font-bold">{t('waitingAreas')}</Section>
          {alert.waitingAreasChosen ? null : <p className="mb-2">{near('allAreas')}</p>}
          <NearestWaitingAreas
            areas={alert.waitingAreas}
            texts={{ button: near('button'), locating: near('locating'), denied: near('denied'), sorted: near('sorted'), away: near.raw('away') as string, directions: near('directions') }}
          />
          {preview ? null : (
            <Link href="/allerte/aree-di-attesa" className="mt-2 inline-flex min-h-11 items-center font-semibold text-primary underline">
              {areasPage('allAreas')}
            </Link>
          )}
        </section>
      ) : null}

      {history.length ? (
        <section aria-labelledby={id('history')} className="mb-6">
          <Section id={id('history')} className="mb-2 text-2xl font-bold">{th('title')}</Section>
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
      {preview ? null : <ButtonLink href="/allerte">{t('all')}</ButtonLink>}
    </article>
  )
}
