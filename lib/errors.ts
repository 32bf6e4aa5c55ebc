export type AppErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'throttled'
  | 'unavailable'

const httpStatus: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  throttled: 429,
  unavailable: 503,
}

/** An error whose message is safe to show to the person who caused it (Italian). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return httpStatus[this.code]
  }
}

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; message: string; fieldErrors?: Record<string, string> }

export type ActionFailure = Extract<ActionResult, { ok: false }>

const genericMessage = 'Si è verificato un errore imprevisto. Riprova tra qualche minuto.'

/** Turns anything thrown into a result a form can show; unexpected errors are logged, not shown. */
export function toActionFailure(error: unknown, log?: (error: unknown) => void): ActionFailure {
  if (error instanceof AppError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors }
  }
  log?.(error)
  return { ok: false, message: genericMessage }
}

/** Field errors from a zod issue list, keyed by the first path segment. */
export function fieldErrorsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_')
    fields[field] ??= issue.message
  }
  return fields
}

export function fromZodError(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>
}): ActionFailure {
  return {
    ok: false,
    message: 'Controlla i campi evidenziati.',
    fieldErrors: fieldErrorsFromIssues(error.issues),
  }
}
