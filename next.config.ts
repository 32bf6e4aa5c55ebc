import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(self), microphone=()' },
]

const config: NextConfig = {
  poweredByHeader: false,
  // Native and WASM packages load at run time from node_modules, never bundled.
  // esbuild bundles the service worker at build time (app/serwist/[path]/route.ts).
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg-boss',
    'pg',
    'pino',
    '@node-rs/argon2',
    'postgres',
    'esbuild',
  ],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default withNextIntl(config)
