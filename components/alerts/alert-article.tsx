import { getFormatter, getTranslations } from 'next-intl/server'
import type { Ring } from '@/lib/alerts/geometry-shared'
import { LevelBadge, levelBorder } from '@/components/alerts/level-badge'
import { ButtonLink } from '@/components/ui/button-link'
import { NearestWaitingAreas } from '@/components/alerts/nearest-waiting-areas'
import { AlertAreaText } from './alert-area-text'

/** What the page shows (lib/alerts/public-alerts loadAlertPage gives it). */
export type AlertArticleData = {
  state: string
  level: string
  phase: string | null
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
export async function AlertArticle({ alert, preview = false }: { alert: AlertArticleData; preview?: boolean }) {
  const [t, near, format] = await Promise.all([getTranslations('alerts'), getTranslations('nearestAreas'), getFormatter()])
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' })
  const ended = alert.state === 'ended'
  const expired = !ended && alert.validUntil <= new Date()
  const Title = preview ? 'h3' : 'h1'
  const Section = preview ? 'h4' : 'h2'
  // Ids stay unique when the preview sits inside a staff page with headings of its own.
  const id = (name: string) => (preview ? `preview-${name}` : name)
  return (
    <article className={`border-l-8 pl-4 ${levelBorder(alert.level)}`}>
      <p className="mb-3">
        <LevelBadge level={alert.level} label={t(`levels.${alert.level}`)} large />
      </p>
      <Title className="mb-2 text-3xl font-bold sm:text-4xl" lang="it">
        {alert.headline}
      </Title>
      {ended || expired ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-success bg-success-light p-3 text-lg font-semibold text-success">
          {ended ? t('ended', { date: when(alert.endedAt ?? alert.validUntil) }) : t('expired', { date: when(alert.validUntil) })}
        </p>
      ) : null}
      <p className="mb-1 text-lg font-semibold">{t('validity', { from: when(alert.validFrom), until: when(alert.validUntil) })}</p>
      {alert.phase ? <p className="mb-1 text-lg">{t('phase', { phase: t(`phases.${alert.phase}`) })}</p> : null}
      <p className="mb-6 text-muted">{t('updated', { date: when(alert.updatedAt) })}</p>

      {alert.instructions ? (
        <section aria-labelledby={id('what-to-do')} className="mb-6 rounded-md bg-surface p-4">
          <Section id={id('what-to-do')} className="mb-2 text-2xl font-bold">{t('whatToDo')}</Section>
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

      {alert.waitingAreas.length ? (
        <section aria-labelledby={id('waiting-areas')} className="mb-6">
          <Section id={id('waiting-areas')} className="mb-2 text-2xl font-bold">{t('waitingAreas')}</Section>
          {alert.waitingAreasChosen ? null : <p className="mb-2">{near('allAreas')}</p>}
          <NearestWaitingAreas
            areas={alert.waitingAreas}
            texts={{ button: near('button'), locating: near('locating'), denied: near('denied'), sorted: near('sorted'), away: near.raw('away') as string, directions: near('directions') }}
          />
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
