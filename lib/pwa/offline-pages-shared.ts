/**
 * Which citizen pages the service worker keeps a copy of, to show them without a connection.
 * Only public pages, the same for every citizen: never the staff area, never a page with
 * one citizen's data (inbox, reports, chat, settings), never the API.
 */

/** Sections whose pages (the section and everything under it) stay readable offline. */
const OFFLINE_SECTIONS = ['/uffici', '/notizie', '/eventi', '/allerte'] as const

/**
 * Single pages that stay readable offline. The new-report form is the same for everyone and
 * works without a connection (the report waits on the device): the worker saves it as soon
 * as it is installed, so a citizen can report offline without having opened it before.
 */
const OFFLINE_PAGES = ['/', '/privacy', '/segnalazioni/nuova'] as const

/**
 * The aree di attesa of the emergency plan (inside /allerte): saved when the service worker
 * installs and again with every alert, so "where do I go" has an answer without a network
 * even on a phone that never opened it.
 */
export const WAITING_AREAS_PATH = '/allerte/aree-di-attesa'

/** Pages saved when the worker is installed or updated, before the citizen opens them. */
export const PAGES_SAVED_AT_INSTALL = ['/segnalazioni/nuova', WAITING_AREAS_PATH] as const

/** The page shown in place of any other page when there is no connection. */
export const OFFLINE_FALLBACK_PATH = '/offline'

/** True for the path of a public citizen page the service worker may keep a copy of. */
export function isOfflineReadablePath(pathname: string): boolean {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
  if ((OFFLINE_PAGES as readonly string[]).includes(path)) return true
  return OFFLINE_SECTIONS.some((section) => path === section || path.startsWith(`${section}/`))
}

/** Paths the service worker never answers for: the staff area, machine endpoints, its own files. */
export function isNeverHandledPath(pathname: string): boolean {
  return ['/admin', '/api', '/serwist', '/open311'].some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  )
}
