import { NextResponse, type NextRequest } from 'next/server'
import { serveCachedHome } from '@/lib/cache/home-page-cache'

/**
 * - The citizen home (`/`) is what everyone opens, and what everyone opens at once when an
 *   alert goes out: plain page loads get a copy rendered at most a couple of seconds ago,
 *   one per language (lib/cache/home-page-cache.ts).
 * - Tells the staff layout which page was asked for, so that an expired session can send
 *   the person back to it after signing in. Authorization itself happens in lib, not here.
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === '/') return (await serveCachedHome(request)) ?? NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('x-filo-path', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/', '/admin/:path*'] }
