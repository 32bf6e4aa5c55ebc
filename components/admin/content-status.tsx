import { StatusPill } from '@/components/ui/status-pill'
import { contentStatusLabels, type ContentStatus } from '@/lib/content/status-shared'

const tones = { draft: 'neutral', scheduled: 'neutral', published: 'success' } as const

export function ContentStatusPill({
  kind,
  status,
  className,
}: {
  kind: 'news' | 'event'
  status: ContentStatus
  className?: string
}) {
  return (
    <StatusPill tone={tones[status]} className={className}>
      {contentStatusLabels[kind][status]}
    </StatusPill>
  )
}
