'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { hasDirtyForm, trackDirtyForms } from '@/lib/pwa/client/dirty-forms'
import { captureInstallPrompt } from '@/lib/pwa/client/install-prompt'
import {
  REFRESH_OFFLINE_PAGE_MESSAGE,
  isNavigateMessage,
  type NavigateReply,
} from '@/lib/pwa/client/messages'
import { isOfflineReadablePath } from '@/lib/pwa/offline-pages-shared'

/** The worker's URL (app/serwist/[path]/route.ts) and the scope it controls. */
export const SERVICE_WORKER_URL = '/serwist/sw.js'

/** How often an app left open asks for a new version, when it comes back into view. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

const OFFLINE_PAGE_LOCALE_KEY = 'filo:offline-page-locale'

// As early as possible: Chrome may offer installation before the page is hydrated.
captureInstallPrompt()
trackDirtyForms()

export type ServiceWorkerWords = {
  updateLabel: string
  updateAvailable: string
  updateApply: string
  updateLater: string
  updateFormWarning: string
  updateApplyAnyway: string
  offline: string
  online: string
}

type UpdateState =
  /** Nothing to announce. */
  | 'none'
  /** A new version is installed and waiting for "Aggiorna". */
  | 'waiting'
  /** The new version already controls the page (another tab applied it); a reload shows it. */
  | 'reload'

function subscribeToConnection(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}
const isOnline = () => navigator.onLine
const alwaysOnline = () => true

/** Read at each render (route changes and connection changes re-render): no events of its own. */
const noChanges = () => () => {}
const isOfflinePageShown = () => document.querySelector('[data-filo-offline-page]') !== null
const notOfflinePage = () => false

/** Tells the worker to keep a copy of the page now shown, when it is a public citizen page. */
function cacheCurrentPage(worker: ServiceWorker | null) {
  if (!worker || !navigator.onLine || !isOfflineReadablePath(location.pathname)) return
  worker.postMessage({
    type: 'CACHE_URLS',
    payload: { urlsToCache: [`${location.pathname}${location.search}`] },
  })
}

/**
 * Registers Filo's service worker (citizen pages only), announces new versions and applies
 * them only when the citizen asks (never reloading over a form being filled), keeps a copy
 * of the public pages seen, says when the phone is offline, and opens pages for tapped
 * notifications.
 */
export function ServiceWorkerClient({
  locale,
  words,
}: {
  locale: string
  words: ServiceWorkerWords
}) {
  const pathname = usePathname()
  const [update, setUpdate] = useState<UpdateState>('none')
  const [hidden, setHidden] = useState(false)
  const [formWarning, setFormWarning] = useState(false)
  const online = useSyncExternalStore(subscribeToConnection, isOnline, alwaysOnline)
  const [backOnline, setBackOnline] = useState(false)
  // The /offline page says it all itself; the offline strip would repeat it.
  const onOfflinePage = useSyncExternalStore(noChanges, isOfflinePageShown, notOfflinePage)
  const registrationRef = useRef<ServiceWorkerRegistration | null>(null)
  const userAskedRef = useRef(false)
  const firstPathRef = useRef(true)
  const panelRef = useRef<HTMLDivElement>(null)

  // Registration, updates, and messages from the worker.
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    const container = navigator.serviceWorker
    let hadController = container.controller !== null
    let lastCheck = Date.now()
    let disposed = false

    const watch = (registration: ServiceWorkerRegistration) => {
      registrationRef.current = registration
      // An update downloaded on an earlier visit, still waiting for "Aggiorna".
      if (registration.waiting && container.controller) setUpdate('waiting')
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing
        installing?.addEventListener('statechange', () => {
          // With no controller this is the first install, not an update.
          if (installing.state === 'installed' && container.controller && !disposed) {
            setUpdate('waiting')
            setHidden(false)
          }
        })
      })
    }

    const onControllerChange = () => {
      if (!hadController) {
        // First install: the worker just took over (clients.claim). Save this page too.
        hadController = true
        cacheCurrentPage(container.controller)
        return
      }
      // A new version now controls the page, from this tab's "Aggiorna" or another tab's.
      if (userAskedRef.current || !hasDirtyForm()) {
        window.location.reload()
        return
      }
      setUpdate('reload')
      setHidden(false)
    }

    const onMessage = (event: MessageEvent) => {
      if (!isNavigateMessage(event.data)) return
      const port = event.ports[0]
      // Never leave a form half filled: the worker opens a new window instead.
      const navigated = !hasDirtyForm()
      const reply: NavigateReply = { navigated }
      port?.postMessage(reply)
      // A full navigation: the URL may be a route that redirects (/notifiche/apri/…).
      if (navigated) window.location.assign(event.data.url)
    }

    const onVisible = () => {
      if (document.visibilityState !== 'visible') return
      if (Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return
      lastCheck = Date.now()
      void registrationRef.current?.update().catch(() => undefined)
    }

    const register = () => {
      container
        .register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' })
        .then((registration) => {
          if (!disposed) watch(registration)
        })
        .catch((error: unknown) => {
          console.warn('Service worker non registrato', error)
        })
    }

    container.addEventListener('controllerchange', onControllerChange)
    container.addEventListener('message', onMessage)
    document.addEventListener('visibilitychange', onVisible)
    // After the page has loaded: the precache download must not slow the first visit.
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })

    return () => {
      disposed = true
      container.removeEventListener('controllerchange', onControllerChange)
      container.removeEventListener('message', onMessage)
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener('load', register)
    }
  }, [])

  // The /offline page is saved once, in the language of that moment: refresh it on a change.
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    void navigator.serviceWorker.ready.then((registration) => {
      let saved: string | null = null
      try {
        saved = localStorage.getItem(OFFLINE_PAGE_LOCALE_KEY)
      } catch {
        return
      }
      if (saved === locale || !registration.active || !navigator.onLine) return
      // Nothing recorded yet: the worker saved /offline at install, in the language of now.
      if (saved !== null) registration.active.postMessage({ type: REFRESH_OFFLINE_PAGE_MESSAGE })
      try {
        localStorage.setItem(OFFLINE_PAGE_LOCALE_KEY, locale)
      } catch {
        // Without storage the page is refreshed at each visit: harmless.
      }
    })
  }, [locale])

  // Pages reached through links are fetched by the router, not by the worker: ask it to save them.
  useEffect(() => {
    if (firstPathRef.current) {
      firstPathRef.current = false
      return
    }
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    cacheCurrentPage(navigator.serviceWorker.controller)
  }, [pathname])

  // Online / offline: "Sei di nuovo online" stays a few seconds after the connection returns.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const goOffline = () => {
      clearTimeout(timer)
      setBackOnline(false)
    }
    const goOnline = () => {
      setBackOnline(true)
      clearTimeout(timer)
      timer = setTimeout(() => setBackOnline(false), 6000)
    }
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
    }
  }, [])

  const showUpdate = update !== 'none' && !hidden

  // Keep the end of the page (and anything focused there) clear of the fixed panel.
  useEffect(() => {
    const panel = panelRef.current
    if (!panel || typeof ResizeObserver === 'undefined') return
    const apply = () => {
      const height = panel.offsetHeight
      document.body.style.paddingBottom = height ? `${height}px` : ''
      document.documentElement.style.scrollPaddingBottom = height ? `${height + 8}px` : ''
    }
    const observer = new ResizeObserver(apply)
    observer.observe(panel)
    apply()
    return () => {
      observer.disconnect()
      document.body.style.paddingBottom = ''
      document.documentElement.style.scrollPaddingBottom = ''
    }
  }, [])

  const applyUpdate = (force: boolean) => {
    if (!force && hasDirtyForm()) {
      setFormWarning(true)
      return
    }
    userAskedRef.current = true
    const waiting = registrationRef.current?.waiting
    if (update === 'waiting' && waiting) {
      // The worker activates, claims this page, and controllerchange reloads it.
      waiting.postMessage({ type: 'SKIP_WAITING' })
    } else {
      window.location.reload()
    }
  }

  const connectionText = !online && !onOfflinePage ? words.offline : backOnline ? words.online : ''

  return (
    <div
      ref={panelRef}
      className="fixed inset-x-0 bottom-0 z-40 print:hidden"
      data-pwa-update={showUpdate ? update : 'none'}
    >
      {/* Live regions stay in the page, empty, so that screen readers announce what appears in them. */}
      <div
        role="status"
        className={
          connectionText
            ? `px-4 py-2 text-center font-semibold text-white ${online ? 'bg-success' : 'bg-ink'}`
            : 'sr-only'
        }
      >
        {connectionText}
      </div>
      <div
        className={
          showUpdate
            ? 'border-t-4 border-primary bg-white px-4 py-4 shadow-[0_-4px_16px_rgba(0,0,0,0.15)]'
            : 'sr-only'
        }
      >
        <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-3">
          <p role="status" className="mr-auto text-lg font-semibold">
            {showUpdate ? words.updateAvailable : ''}
          </p>
          {showUpdate ? (
            <div role="group" aria-label={words.updateLabel} className="flex flex-wrap gap-3">
              <button
                type="button"
                onClick={() => applyUpdate(formWarning)}
                className="inline-flex min-h-12 items-center justify-center rounded-md bg-primary px-6 font-semibold text-white hover:bg-primary-dark"
              >
                {formWarning ? words.updateApplyAnyway : words.updateApply}
              </button>
              <button
                type="button"
                onClick={() => {
                  setHidden(true)
                  setFormWarning(false)
                }}
                className="inline-flex min-h-12 items-center justify-center rounded-md border-2 border-primary bg-white px-5 font-semibold text-primary hover:bg-primary-light"
              >
                {words.updateLater}
              </button>
            </div>
          ) : null}
        </div>
        {showUpdate && formWarning ? (
          <p role="alert" className="mx-auto mt-3 w-full max-w-5xl font-semibold text-danger">
            {words.updateFormWarning}
          </p>
        ) : null}
      </div>
    </div>
  )
}
