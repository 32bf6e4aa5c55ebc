/**
 * The copies of public pages the service worker keeps for offline reading (cache
 * "filo-pages", filled by app/sw.ts). Browser code only.
 */

export const SAVED_PAGES_CACHE = 'filo-pages'

/**
 * Forgets every page saved for offline reading, e.g. when the citizen deletes their data
 * from this device. The app shell stays; pages are saved again as they are visited.
 */
export async function forgetSavedPages(): Promise<void> {
  if (typeof caches === 'undefined') return
  await caches.delete(SAVED_PAGES_CACHE)
}
