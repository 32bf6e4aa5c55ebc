import { execFileSync } from 'node:child_process'

// Each benchmark runs in its own process so one's warm-up cannot flatter the next.
for (const script of ['bench/password-hash.ts', 'bench/http-latency.ts']) {
  execFileSync('node_modules/.bin/tsx', [script, ...process.argv.slice(2)], { stdio: 'inherit' })
}
