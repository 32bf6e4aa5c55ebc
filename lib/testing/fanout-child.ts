/**
 * Runs one fan-out in a separate process, so a test can kill it for real (SIGKILL) half-way.
 * argv: notificationId leaseSeconds; env: FILO_DATA_DIR or DATABASE_URL, VAPID_JSON,
 * NODE_EXTRA_CA_CERTS (the sink's certificate).
 */
import { openDatabase } from '../../db/client'
import { runFanout } from '../notify/fanout'
import { PushSender } from '../push/push-sender'

const [notificationId, leaseSeconds] = process.argv.slice(2)
const vapid = JSON.parse(process.env.VAPID_JSON ?? '{}') as { publicKey: string; privateKey: string; subject: string }
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.FILO_DATA_DIR ?? 'memory://' })
const sender = new PushSender({ vapid })
console.log('started')
await runFanout(database.db, notificationId!, {
  sender,
  concurrency: 3,
  batchSize: 6,
  leaseSeconds: Number(leaseSeconds),
  onProgress: (p) => console.log(`progress ${p.sent}`),
})
console.log('finished')
await sender.close()
await database.close()
