import Link from 'next/link'
import { LevelBadge, levelBorder } from './level-badge'

/** The home's banner while alerts are in force: impossible to miss, one tap from the details. */
export function AlertBanner({
  alerts,
  labels,
}: {
  alerts: Array<{ id: string; level: string; headline: string; levelLabel: string }>
  labels: { heading: string; open: string }
}) {
  if (alerts.length === 0) return null
  return (
    <section aria-labelledby="alert-banner-heading" className="mb-8 grid gap-3">
      <h2 id="alert-banner-heading" className="sr-only">
        {labels.heading}
      </h2>
      {alerts.map((a) => (
        <div key={a.id} className={`rounded-md border-4 bg-white p-4 ${levelBorder(a.level)}`} role="region" aria-label={`${a.levelLabel}: ${a.headline}`}>
          <LevelBadge level={a.level} label={a.levelLabel} />
          <p className="mt-2 text-xl font-bold" lang="it">
            {a.headline}
          </p>
          <Link href={`/allerte/${a.id}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-primary underline">
            {labels.open}
          </Link>
        </div>
      ))}
    </section>
  )
}
