/// <reference lib="webworker" />
/**
 * Filo's service worker, bundled by @serwist/turbopack (app/serwist/[path]/route.ts) and
 * served at /serwist/sw.js with scope "/". Registered from the citizen layout only.
 *
 * - Precache: the app shell (Next's static JS/CSS/fonts, the icons, the /offline page).
 * - Citizen pages (home, offices, news, events, privacy, alerts, the new-report form):
 *   network first with a 3-second timeout, so the last copy seen stays usable without a
 *   connection. The new-report form is saved at install and at each update, unasked.
 * - Any other navigation: network only, and /offline when there is no connection.
 * - Never touched: the staff area, /api, /open311, POSTs (no route matches them, so the
 *   browser handles them as if there were no worker).
 * - Updates wait: a new version installs and waits until the citizen presses "Aggiorna"
 *   (SKIP_WAITING from components/pwa/service-worker-client.tsx).
 * - Web Push: shows every message (userVisibleOnly), one per notification id; a tap opens
 *   the message's page in Filo.
 */
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RouteMatchCallbackOptions,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from 'serwist'
import {
  NAVIGATE_MESSAGE,
  NOTIFICATION_MESSAGE,
  REFRESH_OFFLINE_PAGE_MESSAGE,
  type NavigateMessage,
  type NavigateReply,
  type NotificationMessage,
} from '@/lib/pwa/client/messages'
import { pushSubscriptionPayload } from '@/lib/pwa/client/push'
import { SAVED_PAGES_CACHE } from '@/lib/pwa/client/saved-pages'
import {
  OFFLINE_FALLBACK_PATH,
  PAGES_SAVED_AT_INSTALL,
  WAITING_AREAS_PATH,
  isNeverHandledPath,
  isOfflineReadablePath,
} from '@/lib/pwa/offline-pages-shared'
import { parsePushPayload, safeNotificationPath } from '@/lib/pwa/push-payload-shared'

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined
  }
}

declare const self: ServiceWorkerGlobalScope

const DAY = 24 * 60 * 60

/** Seconds a citizen page may take before the saved copy is shown instead (bad connections). */
const PAGE_NETWORK_TIMEOUT_SECONDS = 3

/** Only whole, successful HTML pages are worth keeping (no redirects, errors or fragments). */
const keepOnlyHtmlPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.status === 200 &&
    response.type === 'basic' &&
    (response.headers.get('content-type') ?? '').includes('text/html')
      ? response
      : null,
}

/** When a page cannot be fetched nor found saved, show /offline in its place. */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) =>
    isDocumentRequest(request) ? serwist.matchPrecache(OFFLINE_FALLBACK_PATH) : undefined,
}

function isDocumentRequest(request: Request): boolean {
  return request.mode === 'navigate' || request.destination === 'document'
}

/**
 * A full HTML page of this site: a navigation, or a page requested by the window to be
 * saved (CACHE_URLS), but never a React Server Components fetch (RSC header or ?_rsc).
 */
function isPageRequest({ request, url, sameOrigin }: RouteMatchCallbackOptions): boolean {
  if (!sameOrigin || request.method !== 'GET' || isNeverHandledPath(url.pathname)) return false
  if (request.headers.has('RSC') || url.searchParams.has('_rsc')) return false
  return isDocumentRequest(request) || request.destination === ''
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, concurrency: 4 },
  // A new version waits for the citizen's "Aggiorna": never swap code under a form being filled.
  skipWaiting: false,
  // The first install controls the open page at once, so it works offline from the first visit.
  clientsClaim: true,
  // Preloads would double every staff-area navigation, which the worker leaves to the network.
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      // Public citizen pages: the latest copy, or the saved one when the network is slow or down.
      matcher: (options) => isPageRequest(options) && isOfflineReadablePath(options.url.pathname),
      handler: new NetworkFirst({
        cacheName: SAVED_PAGES_CACHE,
        networkTimeoutSeconds: PAGE_NETWORK_TIMEOUT_SECONDS,
        // Next varies pages on its router headers, which plain navigations never send.
        matchOptions: { ignoreVary: true },
        plugins: [
          keepOnlyHtmlPages,
          new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 30 * DAY }),
          offlineFallback,
        ],
      }),
    },
    {
      // Every other page of the site: never saved; without a connection, /offline.
      matcher: (options) => isPageRequest(options) && isDocumentRequest(options.request),
      handler: new NetworkOnly({ plugins: [offlineFallback] }),
    },
    {
      // Next's build output: content-hashed, so a saved copy is never stale.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: 'filo-static',
        plugins: [new ExpirationPlugin({ maxEntries: 250, maxAgeSeconds: 60 * DAY })],
      }),
    },
    {
      // Icons, favicon, manifest and optimised images: shown at once, refreshed behind.
      matcher: ({ url, sameOrigin }) =>
        sameOrigin &&
        (url.pathname.startsWith('/icons/') ||
          url.pathname.startsWith('/_next/image') ||
          ['/favicon.ico', '/manifest.webmanifest'].includes(url.pathname) ||
          url.pathname.startsWith('/apple-icon')),
      handler: new StaleWhileRevalidate({
        cacheName: 'filo-assets',
        plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * DAY })],
      }),
    },
  ],
})

/**
 * Fetches /offline again into the precache (same cache key), e.g. after the citizen changed
 * language: the page was saved at install in the language of that moment.
 */
async function refreshOfflinePage(): Promise<void> {
  const cacheKey = serwist.getPrecacheKeyForUrl(OFFLINE_FALLBACK_PATH)
  if (!cacheKey) return
  const response = await fetch(OFFLINE_FALLBACK_PATH, {
    credentials: 'same-origin',
    cache: 'no-store',
  })
  if (!response.ok) return
  const cache = await caches.open(serwist.precacheStrategy.cacheName)
  await cache.put(cacheKey, response)
  // The report form is saved in the citizen's language too.
  await savePagesForOffline([...PAGES_SAVED_AT_INSTALL])
}

// At install and at every update: the report form, in the version that matches the new
// scripts (an old copy would ask for scripts this version no longer keeps), and the aree di
// attesa, so someone who never opened them still finds them when the network goes down.
self.addEventListener('activate', (event) => {
  event.waitUntil(savePagesForOffline([...PAGES_SAVED_AT_INSTALL]).catch(() => undefined))
})

self.addEventListener('message', (event) => {
  const data: unknown = event.data
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === REFRESH_OFFLINE_PAGE_MESSAGE
  ) {
    event.waitUntil(refreshOfflinePage().catch(() => undefined))
  }
})

// ---------------------------------------------------------------------------- Web Push

/** `renotify` is in the Notifications spec and Chromium, not in TypeScript's types. */
type FiloNotificationOptions = NotificationOptions & { renotify?: boolean }

async function tellOpenPages(message: NotificationMessage): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const client of windows) client.postMessage(message)
}

self.addEventListener('push', (event) => {
  let raw: string | null = null
  try {
    raw = event.data ? event.data.text() : null
  } catch {
    raw = null
  }
  const payload = parsePushPayload(raw)
  const tag = payload.tag ?? (payload.id || undefined)
  const options: FiloNotificationOptions = {
    body: payload.body,
    tag,
    data: { url: payload.url, id: payload.id },
    icon: '/icons/icon-192.png',
    badge: '/icons/badge-72.png',
    lang: 'it',
    // An alert or its update replaces the earlier one (same tag), and without renotify the
    // phone would swap the text in silence: a yellow turned red must ring again. The cessata
    // allerta replaces it quietly (its title is set in lib/alerts/publish-alert.ts), and so
    // does a second delivery of any other message; a rare second delivery of an alert rings
    // twice, better than an escalation that does not ring. renotify needs a tag, or
    // showNotification throws.
    renotify: payload.kind === 'alert' && Boolean(tag) && !payload.title.startsWith('Cessata allerta'),
    // Civil-protection alerts and other urgent messages stay until the citizen acts.
    requireInteraction: payload.requireInteraction ?? payload.urgency === 'high',
  }
  const message: NotificationMessage = { type: NOTIFICATION_MESSAGE, id: payload.id }
  if (payload.kind) message.kind = payload.kind
  if (tag) message.tag = tag
  event.waitUntil(
    Promise.allSettled([
      self.registration.showNotification(payload.title, options),
      tellOpenPages(message),
      // An alert (with its aree di attesa) must be readable when the network is gone,
      // even if the citizen never opened it while online: save it, the home with its
      // banner and the list of all aree di attesa (the plan may have changed), the moment
      // the push arrives.
      payload.kind === 'alert' ? savePagesForOffline([safeNotificationPath(payload.url), '/', WAITING_AREAS_PATH]) : undefined,
    ]).then(([shown]) => {
      if (shown.status === 'rejected') throw shown.reason
    }),
  )
})

/** Fetches citizen pages into the saved-pages cache, as visiting them would. */
async function savePagesForOffline(paths: string[]): Promise<void> {
  const cache = await caches.open(SAVED_PAGES_CACHE)
  await Promise.allSettled(
    paths
      .filter((path) => isOfflineReadablePath(new URL(path, self.location.origin).pathname))
      .map(async (path) => {
        const url = new URL(path, self.location.origin).href
        const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
        if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('text/html')) await cache.put(url, response)
      }),
  )
}

/** Asks an open Filo page to go to `path` itself (it refuses while a form is being filled). */
function askToNavigate(client: WindowClient, path: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    const timer = setTimeout(() => resolve(false), timeoutMs)
    channel.port1.onmessage = (event: MessageEvent<NavigateReply>) => {
      clearTimeout(timer)
      resolve(event.data?.navigated === true)
    }
    const message: NavigateMessage = { type: NAVIGATE_MESSAGE, url: path }
    client.postMessage(message, [channel.port2])
  })
}

async function openFromNotification(path: string): Promise<void> {
  const target = new URL(path, self.location.origin).href
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const citizenWindows = windows.filter((client) => {
    const url = new URL(client.url)
    return url.origin === self.location.origin && !isNeverHandledPath(url.pathname)
  })
  const showing = citizenWindows.find((client) => client.url === target)
  if (showing) {
    await showing.focus()
    return
  }
  const client =
    citizenWindows.find((c) => c.focused) ??
    citizenWindows.find((c) => c.visibilityState === 'visible') ??
    citizenWindows[0]
  // Only one of focus() and openWindow() is called: a click allows one window interaction.
  if (client && (await askToNavigate(client, path, 1500))) {
    await client.focus().catch(() => undefined)
    return
  }
  await self.clients.openWindow(target)
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const data: unknown = event.notification.data
  const url = typeof data === 'object' && data !== null ? (data as { url?: unknown }).url : null
  const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : null
  event.waitUntil(
    Promise.all([
      openFromNotification(safeNotificationPath(url)),
      // Counted as "opened" in the sender's statistics; never blocks or breaks the opening.
      typeof id === 'string' && id !== ''
        ? fetch('/api/notifications/opened', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) }).catch(() => undefined)
        : Promise.resolve(undefined),
    ]).then(() => undefined),
  )
})

/**
 * The push service replaced or expired the subscription: subscribe again with the same
 * server key if the browser did not, and tell the server the new endpoint (and the old one).
 */
async function renewSubscription(
  oldSubscription: PushSubscription | null,
  newSubscription: PushSubscription | null,
): Promise<void> {
  let subscription = newSubscription
  if (!subscription) {
    const applicationServerKey = oldSubscription?.options.applicationServerKey
    // Without the server key there is nothing to renew here; the settings page will ask again.
    if (!applicationServerKey) return
    subscription = await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey,
    })
  }
  const body: ReturnType<typeof pushSubscriptionPayload> & { previousEndpoint?: string } =
    pushSubscriptionPayload(subscription)
  if (oldSubscription?.endpoint && oldSubscription.endpoint !== subscription.endpoint) {
    body.previousEndpoint = oldSubscription.endpoint
  }
  await fetch('/api/push/subscriptions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event.oldSubscription, event.newSubscription))
})

serwist.addEventListeners()
