/**
 * "Installa l'app": what the browser lets Filo offer. Browser code only.
 *
 * Chrome and Edge (Android, desktop) fire `beforeinstallprompt` once the site is installable,
 * often before the page's components are mounted: `captureInstallPrompt()` keeps the event
 * from the start (the citizen layout calls it) and components read it from here. iPhone and
 * iPad have no such event: the citizen adds the site to the Home Screen from the Share menu.
 */

/** Chromium's event (not in TypeScript's DOM types). */
export type BeforeInstallPromptEvent = Event & {
  readonly platforms: string[]
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>
}

/** How Filo can be installed here, if at all. */
export type InstallOption =
  /** Already running as an installed app, or installed just now. */
  | 'installed'
  /** The browser offers its own install dialog ("Installa l'app" button). */
  | 'prompt'
  /** iPhone / iPad: explain "Condividi → Aggiungi alla schermata Home". */
  | 'ios'
  /** Nothing to offer (unsupported browser, or not installable yet). */
  | 'none'

const DISMISSED_KEY = 'filo:install-dismissed-at'
export const DISMISS_DAYS = 30
const DAY = 24 * 60 * 60 * 1000

let deferred: BeforeInstallPromptEvent | null = null
let installedNow = false
let capturing = false
const listeners = new Set<() => void>()

function notify() {
  for (const listener of listeners) listener()
}

/** Starts listening for the browser's install events (idempotent). */
export function captureInstallPrompt(): void {
  if (capturing || typeof window === 'undefined') return
  capturing = true
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away: the page offers the button itself.
    event.preventDefault()
    deferred = event as BeforeInstallPromptEvent
    notify()
  })
  window.addEventListener('appinstalled', () => {
    deferred = null
    installedNow = true
    notify()
  })
}

/** Calls `listener` whenever the install option may have changed; returns the unsubscribe. */
export function onInstallOptionChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Running as an installed app (Android/desktop display mode, or iOS Home Screen). */
export function isStandalone(): boolean {
  if (typeof window === 'undefined') return false
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true
  return (
    iosStandalone ||
    window.matchMedia('(display-mode: standalone)').matches ||
    window.matchMedia('(display-mode: fullscreen)').matches ||
    window.matchMedia('(display-mode: minimal-ui)').matches
  )
}

/** iPhone, iPod or iPad (iPadOS reports itself as a Mac with a touch screen). */
export function isIos(): boolean {
  if (typeof navigator === 'undefined') return false
  const ua = navigator.userAgent
  if (/iPhone|iPad|iPod/.test(ua)) return true
  return /Macintosh/.test(ua) && navigator.maxTouchPoints > 1
}

export function getInstallOption(): InstallOption {
  if (typeof window === 'undefined') return 'none'
  if (installedNow || isStandalone()) return 'installed'
  if (deferred) return 'prompt'
  if (isIos()) return 'ios'
  return 'none'
}

/**
 * Opens the browser's install dialog. Resolves to the citizen's answer, or 'unavailable'
 * when the browser offers no dialog (any more: each event can prompt once).
 */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferred
  if (!event) return 'unavailable'
  deferred = null
  try {
    await event.prompt()
    const choice = await event.userChoice
    if (choice.outcome === 'accepted') installedNow = true
    return choice.outcome
  } catch {
    return 'unavailable'
  } finally {
    notify()
  }
}

/** The citizen said "Non ora": the offer stays hidden for DISMISS_DAYS days on this device. */
export function rememberInstallDismissed(now = Date.now()): void {
  try {
    localStorage.setItem(DISMISSED_KEY, String(now))
  } catch {
    // Private mode or storage full: the offer simply comes back next time.
  }
  notify()
}

export function isInstallDismissed(now = Date.now()): boolean {
  try {
    const at = Number(localStorage.getItem(DISMISSED_KEY))
    return Number.isFinite(at) && at > 0 && now - at < DISMISS_DAYS * DAY
  } catch {
    return false
  }
}
