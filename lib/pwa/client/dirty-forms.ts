/**
 * Whether the citizen is in the middle of filling a form, so that nothing reloads the page
 * under them (an app update, a tapped notification). Browser code only.
 *
 * A form is "dirty" from the first time the citizen types or changes something in it until
 * it is reset (React resets a form after its action succeeds) or leaves the page. Submitting
 * alone does not clean it: if the server refuses the data, the fields still hold the words.
 * Comparing values with their defaults is not enough: React keeps the default of a
 * controlled field equal to its value.
 *
 * A form can opt out with `data-pwa-ignore-dirty` (e.g. a search box).
 */

const edited = new WeakSet<HTMLFormElement>()
let tracking = false

function formOf(target: EventTarget | null): HTMLFormElement | null {
  if (!(target instanceof Element)) return null
  if (target instanceof HTMLFormElement) return target
  const field = target as Element & { form?: HTMLFormElement | null }
  return field.form ?? target.closest('form')
}

function onEdit(event: Event) {
  // Only the citizen's own edits: scripts setting values do not fire these events.
  if (!event.isTrusted) return
  const form = formOf(event.target)
  if (form) edited.add(form)
}

function onReset(event: Event) {
  if (event.target instanceof HTMLFormElement) edited.delete(event.target)
}

/** Starts watching the document's forms (idempotent). Call it once, early, from the layout. */
export function trackDirtyForms(): void {
  if (tracking || typeof document === 'undefined') return
  tracking = true
  document.addEventListener('input', onEdit, true)
  document.addEventListener('change', onEdit, true)
  document.addEventListener('reset', onReset, true)
}

/** True when a form still on the page holds edits the citizen has not finished with. */
export function hasDirtyForm(): boolean {
  if (typeof document === 'undefined') return false
  for (const form of Array.from(document.forms)) {
    if (edited.has(form) && form.isConnected && !form.hasAttribute('data-pwa-ignore-dirty')) {
      return true
    }
  }
  return false
}
