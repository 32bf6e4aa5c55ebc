import Link from 'next/link'

export type ReopenAlert = {
  id: string
  publicCode: string
  title: string
  officeName: string
  reopenedAt: Date
  citizenNote: string | null
}

const dateTime = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' })

/**
 * The office's alert for reports a citizen reopened ("No, non è risolto"): a red-bordered box
 * listing each one until someone has seen it. Nothing at all when there are none.
 */
export function ReopenAlerts({ alerts, total, headingId, showOffice, moreHref }: { alerts: ReopenAlert[]; total: number; headingId: string; showOffice: boolean; moreHref?: string }) {
  if (total === 0) return null
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded border-l-8 border-danger bg-danger-light p-4" data-testid="reopen-alerts">
      <h2 id={headingId} className="mb-2 text-xl font-bold">
        {total === 1 ? 'Una segnalazione riaperta dal cittadino' : `${total} segnalazioni riaperte dai cittadini`}
      </h2>
      <p className="mb-3">Il cittadino dice che il problema non è risolto. Aprila, guarda cosa scrive e aggiorna lo stato o segna la presa visione.</p>
      <ul className="grid gap-3">
        {alerts.map((a) => (
          <li key={a.id}>
            <Link href={`/admin/segnalazioni/${a.id}`} className="font-semibold text-primary underline">
              {a.publicCode} · {a.title}
            </Link>
            <span className="block">
              Riaperta il {dateTime.format(a.reopenedAt)}
              {showOffice ? ` · ${a.officeName}` : ''}
            </span>
            {a.citizenNote ? <span className="block break-words italic">{a.citizenNote}</span> : null}
          </li>
        ))}
      </ul>
      {moreHref && total > alerts.length ? (
        <p className="mt-3">
          <Link href={moreHref} className="text-primary underline">
            Tutte le {total} segnalazioni riaperte
          </Link>
        </p>
      ) : null}
    </section>
  )
}
