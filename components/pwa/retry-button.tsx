'use client'

import { useEffect } from 'react'

/** The "online" event can come before the connection really works (Wi-Fi joined, no route yet). */
const SETTLE_MS = 1500

/**
 * "Riprova" on the offline page: loads the page the citizen asked for again. The offline
 * page is shown in place of that page, at its address, so a reload is the retry. It also
 * reloads by itself shortly after the connection comes back.
 */
export function RetryButton({ label, className = '' }: { label: string; className?: string }) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const reloadSoon = () => {
      clearTimeout(timer)
      timer = setTimeout(() => window.location.reload(), SETTLE_MS)
    }
    const cancel = () => clearTimeout(timer)
    window.addEventListener('online', reloadSoon)
    window.addEventListener('offline', cancel)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('online', reloadSoon)
      window.removeEventListener('offline', cancel)
    }
  }, [])

  return (
    <button type="button" onClick={() => window.location.reload()} className={className}>
      {label}
    </button>
  )
}
