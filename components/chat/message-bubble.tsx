import type { ReactNode } from 'react'

/** Who a bubble belongs to, as the reader sees it: their own, the other side, the machine, a private note. */
export type BubbleTone = 'mine' | 'theirs' | 'system' | 'note'

const toneClass: Record<BubbleTone, string> = {
  mine: 'self-end bg-primary-light',
  theirs: 'self-start border border-line bg-white',
  system: 'self-center border border-line bg-white',
  note: 'self-end border-2 border-warning bg-warning-light',
}

const formats = {
  time: new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }),
  dateTime: new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }),
}

/**
 * One message in a chat list, for the citizen's chat and the staff console alike: who wrote
 * it, what it says, and a footer (time, delivery state, an error with its retry).
 */
export function MessageBubble({ tone, who, footer, children }: { tone: BubbleTone; who?: ReactNode; footer?: ReactNode; children: ReactNode }) {
  return (
    <li className={`max-w-[85%] rounded-lg px-3 py-2 ${toneClass[tone]}`}>
      {who ? <p className="text-sm font-semibold text-muted">{who}</p> : null}
      {children}
      {footer ? <div className="mt-1 text-right text-sm text-muted">{footer}</div> : null}
    </li>
  )
}

/** "10:42 · Letto": when it was written and, for the writer's own messages, how far it got. */
export function MessageMeta({
  createdAt,
  format = 'time',
  state,
  stateTestId,
}: {
  createdAt: string
  format?: keyof typeof formats
  state?: string | null
  stateTestId?: string
}) {
  return (
    <p>
      <time dateTime={createdAt}>{formats[format].format(new Date(createdAt))}</time>
      {state ? <span data-testid={stateTestId}> · {state}</span> : null}
    </p>
  )
}
