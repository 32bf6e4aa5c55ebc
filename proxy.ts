import { NextResponse, type NextRequest } from 'next/server'

/**
 * Tells the staff layout which page was asked for, so that an expired session can send
 * the person back to it after signing in. Authorization itself happens in lib, not here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-filo-path', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*'] }
