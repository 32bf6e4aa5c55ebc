'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { submitReportAction } from '../actions'
import { isNetworkError, loadOutbox, saveOutbox, toSubmission } from '../nuova/_components/draft-store'
import { uploadPendingPhotos } from '../nuova/_components/report-flow'
import { fill } from '../nuova/_components/texts'

/**
 * Sends the reports written offline as soon as the connection returns (and on every visit to
 * the reports pages). Each keeps its draft's idempotency key, so a send cut halfway never
 * creates two reports.
 */
export function ReportOutbox({ labels }: { labels: { sent: string; pending: string } }) {
  const [sent, setSent] = useState<string[]>([])
  const [pending, setPending] = useState(0)

  useEffect(() => {
    let running = false
    const flush = async () => {
      if (running || !navigator.onLine) {
        setPending(loadOutbox().length)
        return
      }
      running = true
      for (const item of loadOutbox()) {
        try {
          const ready = await uploadPendingPhotos(item)
          const result = await submitReportAction(toSubmission(ready))
          // Sent, or refused for good (the server's answer will not change): out of the outbox.
          saveOutbox(loadOutbox().filter((d) => d.key !== item.key))
          if (result.ok) setSent((s) => [...s, result.data.publicCode])
        } catch (error) {
          if (isNetworkError(error)) break
        }
      }
      setPending(loadOutbox().length)
      running = false
    }
    void flush()
    window.addEventListener('online', flush)
    return () => window.removeEventListener('online', flush)
  }, [])

  if (!sent.length && !pending) return null
  return (
    <div role="status" className="mb-6 rounded-md border-l-4 border-success bg-success-light p-3 font-semibold text-success">
      {sent.map((code) => (
        <p key={code}>
          <Link href={`/segnalazioni/${code}`} className="underline">{fill(labels.sent, { code })}</Link>
        </p>
      ))}
      {pending ? <p>{fill(labels.pending, { count: pending })}</p> : null}
    </div>
  )
}
