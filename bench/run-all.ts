import { execFileSync } from 'node:child_process'

// Each benchmark runs in its own process so one's warm-up cannot flatter the next.
const benches: Array<[string, string[]]> = [
  ['bench/password-hash.ts', []],
  ['bench/push-encrypt.ts', []],
  ['bench/push-fanout.ts', ['10000']],
  ['bench/http-latency.ts', process.argv.slice(2)],
]
for (const [script, args] of benches) {
  console.log(`\n== ${script} ${args.join(' ')}`)
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' })
}
