import type { ChatMessageView } from '@/lib/chat/schemas'
import { mapLink } from '@/lib/chat/schemas'
import { MessageText } from './message-text'

/** What a message shows: text, a photo, a clip, or a position with a map link (no tiles needed). */
export function MessageBody({ message, labels }: { message: ChatMessageView; labels: { photo: string; video: string; position: string; openMap: string } }) {
  if (message.kind === 'location' && message.latitude !== null && message.longitude !== null) {
    return (
      <div>
        <p className="font-semibold">📍 {labels.position}</p>
        <p className="tabular-nums">
          {message.latitude.toFixed(5)}, {message.longitude.toFixed(5)}
        </p>
        <a href={mapLink(message.latitude, message.longitude)} target="_blank" rel="noopener noreferrer" className="underline">
          {labels.openMap}
        </a>
      </div>
    )
  }
  if (message.kind === 'image' && message.attachment) {
    return (
      <div>
        <a href={message.attachment.url} target="_blank" rel="noopener noreferrer">
          {/* eslint-disable-next-line @next/next/no-img-element -- private file behind a checked route */}
          <img
            src={message.attachment.url}
            alt={message.body || labels.photo}
            width={message.attachment.width ?? undefined}
            height={message.attachment.height ?? undefined}
            className="h-auto max-h-72 w-auto max-w-full rounded"
          />
        </a>
        {message.body ? <MessageText text={message.body} /> : null}
      </div>
    )
  }
  if (message.kind === 'video' && message.attachment) {
    return (
      <div>
        <video src={message.attachment.url} controls preload="metadata" className="max-h-72 max-w-full rounded" aria-label={message.body || labels.video} />
        {message.body ? <MessageText text={message.body} /> : null}
      </div>
    )
  }
  return <MessageText text={message.body} />
}
