import { PushSender } from './push-sender'
import { getVapidKeys } from './vapid-keys'

// One sender per process: its connection pools and VAPID tokens are shared by every fan-out.
const key = Symbol.for('filo.push-sender')
type Holder = { [key]?: Promise<PushSender> }

export function getProcessSender(): Promise<PushSender> {
  const holder = globalThis as Holder
  holder[key] ??= getVapidKeys().then((vapid) => new PushSender({ vapid, maxConnectionsPerOrigin: 64 }))
  return holder[key]
}
