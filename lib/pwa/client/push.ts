/**
 * Web Push subscription helpers for the citizen's browser (the settings page uses them).
 * Nothing here talks to Filo's server: the caller posts `pushSubscriptionPayload(sub)` to
 * /api/push/subscriptions itself.
 */

export type PushSubscribeErrorCode = 'timeout' | 'denied' | 'unsupported' | 'failed'

/**
 * Why a push subscription could not be made:
 *  - 'unsupported': no service worker / Push API here (e.g. iPhone Safari outside the
 *    installed app, private windows of some browsers);
 *  - 'denied': the citizen (or the browser's settings) refused notifications;
 *  - 'timeout': the browser did not reach its push service in time ("Il tuo browser non
 *    riesce a raggiungere il servizio di notifiche. Riprova più tardi.");
 *  - 'failed': anything else (push service error, service worker not ready).
 */
export class PushSubscribeError extends Error {
  readonly code: PushSubscribeErrorCode

  constructor(code: PushSubscribeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PushSubscribeError'
    this.code = code
  }
}

export function isPushSubscribeError(error: unknown): error is PushSubscribeError {
  return error instanceof PushSubscribeError
}

/** What /api/push/subscriptions receives: the subscription's endpoint and keys. */
export type PushSubscriptionPayload = {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export const DEFAULT_SUBSCRIBE_TIMEOUT_MS = 10_000

/** True when this browser can receive Web Push here and now (service worker + Push API + Notification). */
export function isPushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  )
}

/**
 * Decodes a base64url string (a VAPID public key) into bytes for
 * `pushManager.subscribe({ applicationServerKey })`.
 */
export function urlBase64ToUint8Array(base64Url: string): Uint8Array<ArrayBuffer> {
  const padding = '='.repeat((4 - (base64Url.length % 4)) % 4)
  const base64 = (base64Url + padding).replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function bytesToBase64Url(buffer: ArrayBuffer | null): string {
  if (!buffer) return ''
  let binary = ''
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The subscription as the server wants it: endpoint plus the p256dh and auth keys (base64url). */
export function pushSubscriptionPayload(subscription: PushSubscription): PushSubscriptionPayload {
  return {
    endpoint: subscription.endpoint,
    keys: {
      p256dh: bytesToBase64Url(subscription.getKey('p256dh')),
      auth: bytesToBase64Url(subscription.getKey('auth')),
    },
  }
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a) return false
  const bytes = new Uint8Array(a)
  return bytes.length === b.length && bytes.every((value, i) => value === b[i])
}

/** Rejects with PushSubscribeError(code) after `ms`, unless `promise` settles first. */
function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  code: PushSubscribeErrorCode,
  message: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PushSubscribeError(code, message)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * How long to wait for the service worker to be active. On a first visit it registers after
 * the page has loaded and downloads the app shell (about 350 KB) before it activates: on a
 * slow connection that takes a while, and it is not the push service's fault.
 */
export const DEFAULT_READY_TIMEOUT_MS = 30_000

/** The active service worker registration, waiting at most `timeoutMs` for it. */
async function readyRegistration(timeoutMs: number): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.getRegistration('/')
  if (registration?.active) return registration
  return withTimeout(
    navigator.serviceWorker.ready,
    timeoutMs,
    'failed',
    'The service worker is not active on this page.',
  )
}

/** The push subscription this browser already has for Filo, or null (also where push is unsupported). */
export async function getCurrentSubscription(
  options: { timeoutMs?: number } = {},
): Promise<PushSubscription | null> {
  if (!isPushSupported()) return null
  try {
    const registration = await readyRegistration(options.timeoutMs ?? DEFAULT_SUBSCRIBE_TIMEOUT_MS)
    return await registration.pushManager.getSubscription()
  } catch {
    return null
  }
}

/**
 * Subscribes this browser to Web Push with the server's VAPID public key (base64url).
 * Call it from a click: it asks the notification permission first (the wait for the
 * citizen's answer is not timed), waits for the service worker to be active (at most
 * `readyTimeoutMs`, default 30 s, else 'failed'), then subscribes, giving the push service
 * `timeoutMs` (default 10 s) to answer (else 'timeout'). Reuses the existing subscription when it was made with the
 * same key; replaces it when the key changed. Resolves to the subscription; rejects with
 * a PushSubscribeError.
 *
 * After a 'timeout' the browser may still finish subscribing in the background: call
 * getCurrentSubscription() (or this function again) later to pick it up.
 */
export async function subscribeToPush(
  publicKey: string,
  options: { timeoutMs?: number; readyTimeoutMs?: number } = {},
): Promise<PushSubscription> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SUBSCRIBE_TIMEOUT_MS
  if (!isPushSupported()) {
    throw new PushSubscribeError('unsupported', 'This browser cannot receive push messages here.')
  }

  let applicationServerKey: Uint8Array<ArrayBuffer>
  try {
    applicationServerKey = urlBase64ToUint8Array(publicKey)
  } catch (error) {
    throw new PushSubscribeError('failed', 'The push public key is not valid base64url.', {
      cause: error,
    })
  }

  let permission = Notification.permission
  if (permission === 'default') {
    try {
      permission = await Notification.requestPermission()
    } catch (error) {
      throw new PushSubscribeError('failed', 'Could not ask for the notification permission.', {
        cause: error,
      })
    }
  }
  if (permission !== 'granted') {
    throw new PushSubscribeError('denied', 'Notifications are not allowed for this site.')
  }

  const registration = await readyRegistration(options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS)
  const subscribe = async (): Promise<PushSubscription> => {
    const existing = await registration.pushManager.getSubscription()
    if (existing) {
      if (sameKey(existing.options.applicationServerKey, applicationServerKey)) return existing
      // The server's key changed: the old subscription cannot carry its messages.
      await existing.unsubscribe()
    }
    return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey })
  }

  try {
    return await withTimeout(
      subscribe(),
      timeoutMs,
      'timeout',
      'The browser did not reach its push service in time.',
    )
  } catch (error) {
    throw toSubscribeError(error)
  }
}

function toSubscribeError(error: unknown): PushSubscribeError {
  if (error instanceof PushSubscribeError) return error
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError') {
    return new PushSubscribeError('denied', 'Notifications are not allowed for this site.', {
      cause: error,
    })
  }
  if (name === 'NotSupportedError') {
    return new PushSubscribeError('unsupported', 'Push is not supported here.', { cause: error })
  }
  return new PushSubscribeError('failed', 'The push subscription failed.', { cause: error })
}

/**
 * Removes this browser's push subscription, if any. Resolves to the endpoint removed (to
 * tell the server) or null. Never throws: a subscription that cannot be removed here
 * simply stops being used once the server forgets its endpoint.
 */
export async function unsubscribeFromPush(): Promise<string | null> {
  const subscription = await getCurrentSubscription()
  if (!subscription) return null
  try {
    await subscription.unsubscribe()
  } catch {
    // Nothing more to do here; the endpoint is still returned so the server can drop it.
  }
  return subscription.endpoint
}
