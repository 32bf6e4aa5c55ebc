export type Urgency = 'very-low' | 'low' | 'normal' | 'high'

/** Who a notification is for: a topic's subscribers, those of several topics, or one citizen (optionally one device). */
export type Audience =
  /** zoneIds: only citizens who chose one of these neighbourhoods, or chose none (absent: everyone). */
  | { topicId: number; zoneIds?: number[] }
  /** Everyone following any of the topics, each citizen and each device once. */
  | { topicIds: number[]; zoneIds?: number[] }
  | { citizenId: string; subscriptionId?: string }

export type NotificationInput = {
  kind: string
  title: string
  body: string
  /** Path inside the app, e.g. /notizie/lavori-via-roma. */
  url: string
  audience: Audience
  urgency?: Urgency
  ttlSeconds?: number
  /** RFC 8030 Topic; derived from the source when absent, so an update replaces the original. */
  pushTopic?: string
  /** Notification tag on the phone: a later message with the same tag replaces the shown one. Default: its own id. */
  tag?: string
  /** Keep the notification on screen until the citizen acts; default: when urgency is high. */
  requireInteraction?: boolean
  sourceType?: string
  sourceId?: string
  createdBy?: string | null
}

/** What the service worker receives (kept well under the 4 KB push limit, no personal data). */
export type PushPayload = { id: string; title: string; body: string; url: string; tag: string; kind: string; urgency: Urgency; requireInteraction?: boolean }
