import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // 'server-only' throws outside React Server Components; tests are server code too.
      { find: /^server-only$/, replacement: `${root}/lib/testing/server-only-stub.ts` },
    ],
  },
  test: {
    environment: 'node',
    include: ['{app,components,lib,db}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'silent' },
  },
})
