/**
 * The address of whoever sent the request. Behind a reverse proxy that sets
 * X-Forwarded-For, the right-most entry is the one the proxy saw.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for']
  const value = Array.isArray(raw) ? raw.join(',') : raw
  const last = value?.split(',').map((s) => s.trim()).filter(Boolean).at(-1)
  return last ? last.slice(0, 64) : null
}
