'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import {
  OUTBOX_EVENT,
  draftHasContent,
  loadDraft,
  loadOutbox,
  putInOutbox,
  removeFromOutbox,
  saveDraft,
  type ReportDraft,
} from '../nuova/_components/draft-store'
import { placeServerErrors } from '../nuova/_components/form-errors'
import { sendDraft } from '../nuova/_components/send-draft'
import { fill } from '../nuova/_components/texts'

export type OutboxLabels = {
  sent: string
  pending: string
  refusedTitle: string
  refused: string
  fix: string
  fixLabel: string
  remove: string
  removeLabel: string
  removeConfirm: string
  removed: string
  draftBusy: string
}

/** While reports wait and the phone says it is online, how often to try again (a server may be down). */
const RETRY_MS = 30_000

/**
 * Sends the reports written offline as soon as the connection returns, on whichever citizen
 * page is open, and every time the app is opened. Each keeps its draft's idempotency key, so
 * a send cut halfway never creates two reports. A report the server refuses is kept and shown,
 * with the reason, until the citizen corrects it (it becomes the draft again) or deletes it.
 */
export function ReportOutbox({ labels }: { labels: OutboxLabels }) {
  const [sent, setSent] = useState<string[]>([])
  const [items, setItems] = useState<ReportDraft[]>([])
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    let running = false
    let disposed = false
    const refresh = () => {
      if (!disposed) setItems(loadOutbox())
    }
    const flush = async () => {
      refresh()
      if (running || !navigator.onLine) return
      running = true
      try {
        for (const queued of loadOutbox()) {
          if (queued.refused) continue
          let latest = queued
          try {
            const outcome = await sendDraft(queued, (progress) => {
              latest = progress
              putInOutbox(progress)
            })
            if (outcome.ok) {
              removeFromOutbox(queued.key)
              if (!disposed) setSent((codes) => (codes.includes(outcome.publicCode) ? codes : [...codes, outcome.publicCode]))
            } else if (outcome.retryLater) {
              break
            } else {
              putInOutbox({ ...latest, refused: { message: outcome.message, fieldErrors: outcome.fieldErrors } })
            }
          } catch {
            // The network again (or something unforeseen): everything stays for the next try.
            break
          }
        }
      } finally {
        running = false
        refresh()
      }
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void flush()
    }
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith('filo-report')) refresh()
    }
    const timer = setInterval(() => {
      if (loadOutbox().some((d) => !d.refused)) void flush()
    }, RETRY_MS)
    void flush()
    window.addEventListener('online', flush)
    window.addEventListener(OUTBOX_EVENT, refresh)
    window.addEventListener('storage', onStorage)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      disposed = true
      clearInterval(timer)
      window.removeEventListener('online', flush)
      window.removeEventListener(OUTBOX_EVENT, refresh)
      window.removeEventListener('storage', onStorage)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])

  const correct = (item: ReportDraft) => {
    const current = loadDraft()
    // Never overwrite another report the citizen is writing: no data is ever lost.
    if (current && current.key !== item.key && draftHasContent(current)) {
      setMessage(labels.draftBusy)
      return
    }
    const { step } = placeServerErrors(item.refused?.message ?? '', item.refused?.fieldErrors)
    if (!saveDraft({ ...item, step: step ?? 3 })) return
    removeFromOutbox(item.key)
    // A full load: the report form reads the draft when it starts, also if it is already open.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    window.location.assign('/segnalazioni/nuova')
  }

  const remove = (item: ReportDraft) => {
    if (!window.confirm(fill(labels.removeConfirm, { title: item.title }))) return
    removeFromOutbox(item.key)
    setMessage(labels.removed)
  }

  const refused = items.filter((d) => d.refused)
  const pending = items.length - refused.length
  return (
    <>
      <div role="status">
        {sent.length || pending ? (
          <div className="mb-6 rounded-md border-l-4 border-success bg-success-light p-3 font-semibold text-success">
            {sent.map((code) => (
              <p key={code}>
                <Link href={`/segnalazioni/${code}`} className="underline">{fill(labels.sent, { code })}</Link>
              </p>
            ))}
            {pending ? <p>{fill(labels.pending, { count: pending })}</p> : null}
          </div>
        ) : null}
        {message ? <p className="mb-4 rounded-md border-l-4 border-line bg-surface p-3 font-semibold">{message}</p> : null}
      </div>
      {refused.length ? (
        <section aria-labelledby="outbox-refused-title" className="mb-6 rounded-md border-l-4 border-danger bg-danger-light p-4 text-ink">
          <h2 id="outbox-refused-title" className="text-xl font-bold text-danger">{labels.refusedTitle}</h2>
          <ul className="mt-3 grid gap-4">
            {refused.map((item) => (
              <li key={item.key}>
                <p className="font-semibold">{fill(labels.refused, { title: item.title, message: item.refused?.message ?? '' })}</p>
                <div className="mt-2 flex flex-wrap gap-3">
                  <button
                    type="button"
                    aria-label={fill(labels.fixLabel, { title: item.title })}
                    onClick={() => correct(item)}
                    className="inline-flex min-h-12 items-center justify-center rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark"
                  >
                    {labels.fix}
                  </button>
                  <button
                    type="button"
                    aria-label={fill(labels.removeLabel, { title: item.title })}
                    onClick={() => remove(item)}
                    className="inline-flex min-h-12 items-center justify-center rounded-md border-2 border-danger bg-white px-5 font-semibold text-danger"
                  >
                    {labels.remove}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
