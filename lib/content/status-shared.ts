/** Where a news item or event stands, from its publication time alone (DESIGN: null = draft). */
export type ContentStatus = 'draft' | 'scheduled' | 'published'

export function contentStatus(publishedAt: Date | null, now: Date = new Date()): ContentStatus {
  if (!publishedAt) return 'draft'
  return publishedAt.getTime() > now.getTime() ? 'scheduled' : 'published'
}

/** "notizia" is feminine, "evento" masculine: the status reads right next to either. */
export const contentStatusLabels = {
  news: { draft: 'Bozza', scheduled: 'Programmata', published: 'Pubblicata' },
  event: { draft: 'Bozza', scheduled: 'Programmato', published: 'Pubblicato' },
} as const satisfies Record<'news' | 'event', Record<ContentStatus, string>>
