import { randomBytes } from 'node:crypto'
import { LOCALE_COOKIE, defaultLocale, isLocale } from '@/i18n/locales'
import { getEnv, ownOrigin } from '../env'
import { cachedPublic } from './public-content'

/**
 * The citizen home served from memory. Its HTML depends only on the language (the
 * per-device bits — the unread badge — are fetched by the browser), so the proxy keeps
 * one copy per language, rendered by asking this same server for the page with a
 * per-process token that lets the request through to the real render.
 *
 * Only plain page loads are served from the copy: client-side navigations (RSC fetches),
 * prefetches, server actions and anything with a query string reach the page as before.
 */

export const RENDER_HEADER = 'x-filo-render'
const tokenKey = Symbol.for('filo.home-render-token')
const renderToken = ((globalThis as { [tokenKey]?: string })[tokenKey] ??= randomBytes(18).toString('base64url'))

/** Response headers that belong to one response, never to a copy served later. */
const HOP_HEADERS = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'])

type Copy = { body: ArrayBuffer; headers: Array<[string, string]> }

type RequestLike = {
  method: string
  headers: Headers
  nextUrl: { pathname: string; search: string }
  cookies: { get(name: string): { value: string } | undefined }
}

export async function serveCachedHome(request: RequestLike): Promise<Response | null> {
  const ttlSeconds = getEnv().FILO_PAGE_CACHE_SECONDS
  if (ttlSeconds <= 0 || request.method !== 'GET' || request.nextUrl.search !== '') return null
  const h = request.headers
  if (h.get(RENDER_HEADER) === renderToken) return null
  if (h.has('rsc') || h.has('next-router-prefetch') || h.has('next-router-state-tree') || h.has('next-action')) return null
  if (!(h.get('accept') ?? '').includes('text/html')) return null

  const chosen = request.cookies.get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : defaultLocale
  let result
  try {
    result = await cachedPublic<Copy>(`home:${locale}`, ttlSeconds * 1000, () => render(locale))
  } catch {
    return null // the page itself will answer (or explain the error)
  }
  if (!result.value) return null
  const headers = new Headers(result.value.headers)
  headers.set('x-filo-cache', result.hit ? 'hit' : 'miss')
  headers.set('age', String(Math.max(0, Math.floor((Date.now() - result.at) / 1000))))
  return new Response(result.value.body, { status: 200, headers })
}

async function render(locale: string): Promise<Copy | undefined> {
  const response = await fetch(`${ownOrigin()}/`, {
    headers: { accept: 'text/html', cookie: `${LOCALE_COOKIE}=${locale}`, [RENDER_HEADER]: renderToken },
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  })
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel()
    return undefined
  }
  const body = await response.arrayBuffer()
  const headers: Array<[string, string]> = []
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) headers.push([name, value])
  })
  return { body, headers }
}
