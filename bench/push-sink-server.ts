/**
 * Starts the local HTTPS push-service sink (lib/testing/push-sink.ts) as its own process,
 * for manual checks and for benchmarks that run the Next server separately:
 *
 *   tsx bench/push-sink-server.ts [--port 4400] [--host 127.0.0.1]
 *
 * It prints its origin and the path of its CA certificate; start the sending process with
 * NODE_EXTRA_CA_CERTS=<that path> so it trusts the sink. Subscriptions and counts are
 * reached over HTTPS: POST /_sink/subscriptions {"count":N}, GET /_sink/count,
 * POST /_sink/reset. Ctrl-C stops it.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startPushSink } from '../lib/testing/push-sink'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4400' },
    host: { type: 'string', default: '127.0.0.1' },
    /** Also copy the CA certificate here, for a server started next with NODE_EXTRA_CA_CERTS. */
    'ca-out': { type: 'string' },
  },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`)

const sink = await startPushSink({ port, host: values.host })
if (values['ca-out']) {
  mkdirSync(path.dirname(values['ca-out']), { recursive: true })
  copyFileSync(sink.caFile, values['ca-out'])
}
console.log(`origin=${sink.origin}`)
console.log(`caFile=${sink.caFile}`)
console.log(`# sender: NODE_EXTRA_CA_CERTS=${sink.caFile}`)
console.log(`# subscriptions: curl --cacert ${sink.caFile} -X POST -d '{"count":100}' ${sink.origin}/_sink/subscriptions`)
console.log(`# received: curl --cacert ${sink.caFile} ${sink.origin}/_sink/count`)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  sink.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
