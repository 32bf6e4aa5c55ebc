'use client'

import { useEffect, useRef, useState } from 'react'

export type LiveEvent = { channel: string; seq: number | null; type: string; [key: string]: unknown }

/** After this long without a stream, the screen says so. */
const BANNER_AFTER_MS = 3000

/**
 * An EventSource that never gives up: the browser's own reconnection sends Last-Event-ID;
 * when the browser closes the stream for good (an error status), a new one starts from the
 * last id seen. `down` turns true when the stream has been away for a few seconds.
 */
export function useLiveStream(
  url: string | null,
  initialCursor: string | null,
  onEvent: (event: LiveEvent) => void,
  /** Each time the stream (re)opens: a fetch that failed while the network was down is done again. */
  onOpen?: () => void,
): { down: boolean } {
  const [down, setDown] = useState(false)
  const handler = useRef(onEvent)
  const opened = useRef(onOpen)
  useEffect(() => {
    handler.current = onEvent
    opened.current = onOpen
  }, [onEvent, onOpen])

  useEffect(() => {
    if (!url) return
    let source: EventSource | null = null
    let lastId = initialCursor
    let stopped = false
    let retry: ReturnType<typeof setTimeout> | undefined
    let bannerTimer: ReturnType<typeof setTimeout> | undefined
    let attempts = 0
    const markDown = () => {
      bannerTimer ??= setTimeout(() => setDown(true), BANNER_AFTER_MS)
    }
    const markUp = () => {
      clearTimeout(bannerTimer)
      bannerTimer = undefined
      setDown(false)
    }
    const open = () => {
      if (stopped) return
      const full = new URL(url, window.location.href)
      if (lastId) full.searchParams.set('cursor', lastId)
      source = new EventSource(full)
      source.onopen = () => {
        attempts = 0
        markUp()
        opened.current?.()
      }
      source.onmessage = (message) => {
        if (message.lastEventId) lastId = message.lastEventId
        try {
          handler.current(JSON.parse(message.data) as LiveEvent)
        } catch {
          // a malformed event is skipped; the next fetch catches up anyway
        }
      }
      source.onerror = () => {
        markDown()
        if (source?.readyState === EventSource.CLOSED) {
          source.close()
          attempts++
          retry = setTimeout(open, Math.min(15_000, 1000 * 2 ** Math.min(attempts, 4)))
        }
      }
    }
    open()
    const online = () => {
      if (source?.readyState !== EventSource.OPEN) {
        source?.close()
        clearTimeout(retry)
        open()
      }
    }
    // The device says it lost the network: a stream that looks open is a dead one; close it
    // now (the banner follows) and keep trying, so nothing waits on a socket timeout.
    const offline = () => {
      source?.close()
      clearTimeout(retry)
      markDown()
      retry = setTimeout(open, 5000)
    }
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    return () => {
      stopped = true
      clearTimeout(retry)
      clearTimeout(bannerTimer)
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      source?.close()
    }
  }, [url, initialCursor])

  return { down }
}
