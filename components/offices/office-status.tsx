'use client'

import { useEffect, useState } from 'react'
import type { Locale } from '@/i18n/locales'
import {
  computeOpeningState,
  formatOpeningState,
  type OfficeHours,
  type OpeningState,
} from '@/lib/offices/opening-state-shared'
import { StatusPill } from '@/components/ui/status-pill'

const MINUTE = 60_000

/**
 * "Aperto ora, chiude alle 13:00". The first paint shows the state the server computed;
 * after mount the browser recomputes it with its own clock, then at every minute and when
 * the page comes back into view, so a page left open (or served offline) stays right.
 * Recomputing only in an effect keeps the hydrated markup identical to the server's.
 */
export function OfficeStatus({
  hours,
  locale,
  initial,
  className = '',
}: {
  hours: OfficeHours
  locale: Locale
  initial: OpeningState
  className?: string
}) {
  const [state, setState] = useState(initial)

  useEffect(() => {
    const update = () => setState(computeOpeningState(hours, new Date()))
    update()
    let interval: ReturnType<typeof setInterval> | undefined
    // Tick on the minute, when opening and closing times change.
    const timeout = setTimeout(
      () => {
        update()
        interval = setInterval(update, MINUTE)
      },
      MINUTE - (Date.now() % MINUTE),
    )
    const onVisible = () => {
      if (document.visibilityState === 'visible') update()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearTimeout(timeout)
      if (interval) clearInterval(interval)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [hours])

  return (
    <StatusPill
      tone={state.status === 'open' ? 'success' : 'danger'}
      className={className}
      data-office-status={state.status}
    >
      {formatOpeningState(state, locale)}
    </StatusPill>
  )
}
