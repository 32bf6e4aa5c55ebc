import type { ReactNode } from 'react'

export type StatusTone = 'success' | 'danger' | 'neutral'

const tones: Record<StatusTone, string> = {
  success: 'border-success bg-success-light text-success',
  danger: 'border-danger bg-danger-light text-danger',
  neutral: 'border-line bg-surface text-ink',
}

const dots: Record<StatusTone, string> = {
  success: 'bg-success',
  danger: 'bg-danger',
  neutral: 'bg-muted',
}

/** A coloured status label; the words carry the meaning, the colour only helps (WCAG 1.4.1). */
export function StatusPill({
  tone,
  className = '',
  children,
  ...rest
}: {
  tone: StatusTone
  className?: string
  children: ReactNode
} & Omit<React.HTMLAttributes<HTMLParagraphElement>, 'className' | 'children'>) {
  return (
    <p
      className={`inline-flex items-start gap-2 rounded-md border-l-4 px-3 py-1.5 font-semibold leading-snug ${tones[tone]} ${className}`}
      {...rest}
    >
      <span
        aria-hidden="true"
        className={`mt-[0.45em] inline-block size-2.5 shrink-0 rounded-full ${dots[tone]}`}
      />
      <span>{children}</span>
    </p>
  )
}
