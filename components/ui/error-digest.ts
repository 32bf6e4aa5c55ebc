/** The digest Next.js gives a server error: safe to log, it says nothing about the cause. */
export function errorDigest(error: unknown): string | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'digest' in error &&
    typeof error.digest === 'string'
  )
    return error.digest
  return undefined
}
