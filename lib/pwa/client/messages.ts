/**
 * Messages between Filo's pages and its service worker (app/sw.ts). Browser code only.
 *
 * Worker → page:
 *   { type: 'filo:notification', id, kind?, tag? }  a push was shown (an open inbox can refresh)
 *   { type: 'filo:navigate', url }                  a notification was tapped; reply on the
 *                                                   MessagePort { navigated: boolean }
 * Page → worker:
 *   { type: 'SKIP_WAITING' }                        the citizen pressed "Aggiorna" (Serwist's own)
 *   { type: 'CACHE_URLS', payload: { urlsToCache } } keep a copy of pages seen (Serwist's own)
 *   { type: 'filo:refresh-offline-page' }           the language changed: fetch /offline again
 */

export const NOTIFICATION_MESSAGE = 'filo:notification'
export const NAVIGATE_MESSAGE = 'filo:navigate'
export const REFRESH_OFFLINE_PAGE_MESSAGE = 'filo:refresh-offline-page'

export type NotificationMessage = {
  type: typeof NOTIFICATION_MESSAGE
  id: string
  kind?: string
  tag?: string
}

export type NavigateMessage = { type: typeof NAVIGATE_MESSAGE; url: string }
export type NavigateReply = { navigated: boolean }

export function isNotificationMessage(data: unknown): data is NotificationMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === NOTIFICATION_MESSAGE &&
    typeof (data as { id?: unknown }).id === 'string'
  )
}

export function isNavigateMessage(data: unknown): data is NavigateMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === NAVIGATE_MESSAGE &&
    typeof (data as { url?: unknown }).url === 'string'
  )
}

/**
 * Calls `onNotification` each time the service worker shows a push notification while
 * this page is open (e.g. the inbox refreshes its list). Returns the function that stops
 * listening; does nothing where service workers are not available.
 */
export function onPushNotification(
  onNotification: (message: NotificationMessage) => void,
): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {}
  const listener = (event: MessageEvent) => {
    if (isNotificationMessage(event.data)) onNotification(event.data)
  }
  navigator.serviceWorker.addEventListener('message', listener)
  return () => navigator.serviceWorker.removeEventListener('message', listener)
}
