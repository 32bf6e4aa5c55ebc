import { defineConfig, devices } from '@playwright/test'

/**
 * Browser journeys (e2e/<who>-<does-what>.spec.ts) against the production build.
 *
 *   npx next build && npx playwright test
 *
 * The web server is scripts/e2e-server.sh: a fresh embedded database every run, or the
 * database in DATABASE_URL (migrated and seeded first). Chromium is the system one
 * (/usr/bin/chromium, Debian package `chromium`): Playwright's own browsers are never
 * downloaded.
 */

// Overridable so two checkouts can run their journeys side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${PORT}`
/** The local push service the journeys use (e2e/fixtures/push-sink.ts talks to it). */
export const SINK_PORT = Number(process.env.E2E_SINK_PORT ?? 4410)
export const SINK_CA = '.data/e2e-push-sink-ca.pem'

/** Flags that keep the system Chromium quiet, offline and workable as root in a container. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const isCI = Boolean(process.env.CI)

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Files run in parallel on two workers; tests inside a file run in order. Two cores
  // host the server, argon2 hashing and the browsers, so more workers only add waiting.
  fullyParallel: false,
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/fixtures/summary-reporter.ts']],
  use: {
    baseURL,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'setup',
      testMatch: /.*\.setup\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts$/,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: [
    {
      // A local push service: the app sends real, encrypted Web Push to it; journeys read
      // what it decrypted. Started first: the app must trust its certificate from the start.
      command: `node --import tsx bench/push-sink-server.ts --port ${SINK_PORT} --ca-out ${SINK_CA}`,
      url: `https://127.0.0.1:${SINK_PORT}/_sink/count`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: `${baseURL}/api/health`,
      // A server left on the port from another run would hold another database: refuse it.
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        E2E_PORT: String(PORT),
        AUTH_SECRET: 'filo-e2e-only-secret-0123456789-abcdefghijklmnop',
        FILO_PUBLIC_URL: baseURL,
        NEXTAUTH_URL: baseURL,
        LOG_LEVEL: 'warn',
        // e2e/fixtures/staff.ts MAX_FAILURES_PER_ACCOUNT relies on this value.
        FILO_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
        // Journeys share one address (127.0.0.1); the per-account limit is what they test.
        FILO_LOGIN_MAX_FAILURES_PER_IP: '1000',
        // DATABASE_URL, when set, passes through (Playwright hands process.env to the server).
        NODE_EXTRA_CA_CERTS: SINK_CA,
      },
    },
  ],
})
