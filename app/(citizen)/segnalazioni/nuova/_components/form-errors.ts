/**
 * Where each field of the report lives in the stepped flow. The server names fields by the
 * submission's keys (`latitude`, `answers.x`); the flow's controls have ids `f-<key>`. An
 * error link must lead to a control that is on the page, so a refusal moves the citizen to
 * the step of the first field named.
 */

/** The flow's own key for a field the server named; null when it is not the citizen's to fix. */
export function flowFieldFor(serverField: string): string | null {
  if (['latitude', 'longitude', 'address', 'place'].includes(serverField)) return 'place'
  if (['categoryId', 'title', 'description', 'contactName', 'contactEmail', 'contactPhone', 'photoIds', 'privacy'].includes(serverField)) return serverField
  const answer = /^answers?[.-](.+)$/.exec(serverField)
  if (answer) return `answer-${answer[1]}`
  return null
}

/** The step (0 privacy, 1 place, 2 problem) that shows the control of a flow field key. */
export function stepOfField(flowField: string): number | null {
  if (flowField === 'privacy') return 0
  if (flowField === 'place') return 1
  if (flowField === '_') return null
  return 2
}

/**
 * A server refusal as the flow shows it: the general message under `_`, each field error
 * under the flow's key, and the step to show (the earliest with an error), or null when no
 * field is named and the citizen stays where they are.
 */
export function placeServerErrors(message: string, fieldErrors: Record<string, string> = {}): { step: number | null; errors: Record<string, string> } {
  const errors: Record<string, string> = { _: message }
  let step: number | null = null
  for (const [serverField, text] of Object.entries(fieldErrors)) {
    const field = flowFieldFor(serverField)
    if (!field) continue
    errors[field] ??= text
    const at = stepOfField(field)
    if (at !== null && (step === null || at < step)) step = at
  }
  return { step, errors }
}
