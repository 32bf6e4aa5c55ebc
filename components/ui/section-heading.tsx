import type { ReactNode } from 'react'

/** A section's h2 (or h3); give it an id so the section can be labelled by it. */
export function SectionHeading({
  id,
  level = 2,
  className = '',
  children,
}: {
  id?: string
  level?: 2 | 3
  className?: string
  children: ReactNode
}) {
  const Tag = level === 2 ? 'h2' : 'h3'
  const size = level === 2 ? 'text-2xl sm:text-3xl' : 'text-xl'
  return (
    <Tag id={id} className={`mb-4 font-bold leading-tight text-ink ${size} ${className}`}>
      {children}
    </Tag>
  )
}
