/** scheme://host[:port] of a push endpoint: the unit of pacing and VAPID audience. */
export function pushOriginOf(endpoint: string): string {
  return new URL(endpoint).origin
}
