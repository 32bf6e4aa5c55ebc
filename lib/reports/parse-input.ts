import { AppError } from '../errors'

type SafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } }

/** A zod result, or AppError('invalid_input') carrying the first message and one error per field. */
export function parseOrThrow<T>(result: SafeParseResult<T>): T {
  if (result.success) return result.data
  const fieldErrors: Record<string, string> = {}
  for (const issue of result.error.issues) fieldErrors[String(issue.path[0] ?? '_')] ??= issue.message
  throw new AppError('invalid_input', result.error.issues[0]?.message ?? 'Controlla i campi evidenziati.', fieldErrors)
}
