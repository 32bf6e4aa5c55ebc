/**
 * `npm run worker`: runs Filo's background jobs (push fan-out, scheduled notices,
 * housekeeping) without serving pages. Needs DATABASE_URL; see lib/server/worker.ts.
 */
import { startWorker } from './worker'

try {
  const stop = await startWorker()
  console.log('Filo: worker ready')
  const shutdown = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
} catch (error) {
  console.error(`\n  ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
