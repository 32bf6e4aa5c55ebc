import type { ReactNode } from 'react'

/** A bordered white panel; `as` keeps the right element (li, article…) for the list it sits in. */
export function Card({
  as: Tag = 'div',
  className = '',
  children,
}: {
  as?: 'div' | 'li' | 'article' | 'section'
  className?: string
  children: ReactNode
}) {
  return (
    <Tag className={`rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5 ${className}`}>
      {children}
    </Tag>
  )
}
