import 'server-only'
import { getDb } from '../db'
import { getLogger } from '../log'
import { parseCursor, type RealtimeEvent } from './events-shared'
import { getHub } from './hub'
import { openSubscription, type ChannelSpec } from './subscription'

const encoder = new TextEncoder()

export type StreamChannel = Omit<ChannelSpec, 'cursor'>

/**
 * A Server-Sent Events response over some channels. The position comes from the
 * Last-Event-ID header (the browser's own reconnection) or else the `cursor` query
 * parameter (a fresh EventSource after a snapshot); with neither, from now on.
 * A comment every `heartbeatMs` keeps proxies from closing an idle stream, and calls
 * `onHeartbeat` (presence).
 */
export async function sseResponse(options: {
  request: Request
  channels: readonly StreamChannel[]
  heartbeatMs?: number
  onHeartbeat?: () => Promise<void>
}): Promise<Response> {
  const { request, channels } = options
  const url = new URL(request.url)
  const cursor =
    parseCursor(request.headers.get('last-event-id'), channels.length) ?? parseCursor(url.searchParams.get('cursor'), channels.length)
  const [db, hub] = await Promise.all([getDb(), getHub()])
  const heartbeatMs = options.heartbeatMs ?? 20_000

  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const write = (text: string) => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      write(`retry: 2000\n: connected\n\n`)
      const subscription = openSubscription({
        db,
        hub,
        channels: channels.map((c, i) => ({ ...c, cursor: cursor?.[i] ?? null })),
        send: (event: RealtimeEvent, id: string) => {
          const body = JSON.stringify({ channel: event.channel, seq: event.seq ?? null, type: event.type, ...event.data })
          write(event.seq === undefined && event.type !== 'reset' ? `data: ${body}\n\n` : `id: ${id}\ndata: ${body}\n\n`)
        },
      })
      const beat = () => {
        write(`: ping\n\n`)
        options.onHeartbeat?.().catch((error: unknown) => getLogger().warn({ err: error }, 'stream heartbeat failed'))
      }
      void subscription.ready.then(() => options.onHeartbeat && beat())
      const timer = setInterval(beat, heartbeatMs)
      cleanup = () => {
        if (!open) return
        open = false
        clearInterval(timer)
        subscription.close()
        try {
          controller.close()
        } catch {
          // already closed by the client
        }
      }
      request.signal.addEventListener('abort', () => cleanup(), { once: true })
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  })
}
