// GET /serwist/sw.js – the service worker (app/sw.ts), bundled at build time with its precache list
import { randomUUID } from 'node:crypto'
import { createSerwistRoute } from '@serwist/turbopack'
import { OFFLINE_FALLBACK_PATH } from '@/lib/pwa/offline-pages-shared'

/**
 * The /offline page has no content hash: a new revision at every build makes browsers fetch
 * it again (and makes every build a new worker, which the update banner announces).
 */
const buildRevision = randomUUID()

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute(
  {
    swSrc: 'app/sw.ts',
    // esbuild is installed natively; esbuild-wasm is not a dependency.
    useNativeEsbuild: true,
    // The app shell: Next's hashed build output (scripts, styles, fonts) and the icons.
    // Not the rest of public/, nor source maps.
    globPatterns: ['.next/static/**/*.{js,css,woff2}', 'public/icons/*.png'],
    // Nothing over 1 MB: that leaves out the HEIC decoder (libheif in WebAssembly, ≈2 MB), which
    // only Chromium and Firefox users who pick a HEIC photo need. They fetch it then, and the
    // CacheFirst rule for /_next/static/ in app/sw.ts keeps it; the app shell scripts are < 300 KB.
    maximumFileSizeToCacheInBytes: 1024 * 1024,
    additionalPrecacheEntries: [{ url: OFFLINE_FALLBACK_PATH, revision: buildRevision }],
    // A classic script: registers in every browser with service workers, module-capable or not.
    esbuildOptions: { format: 'iife' },
  },
)
