import Link from 'next/link'
import type { ReactNode } from 'react'

const variants = {
  primary: 'bg-primary text-white hover:bg-primary-dark',
  secondary: 'border-2 border-primary bg-white text-primary hover:bg-primary-light',
} as const

/** A link that looks like a button: at least 44 px tall, for fingers as well as mice. */
export function ButtonLink({
  href,
  variant = 'secondary',
  className = '',
  children,
}: {
  href: string
  variant?: keyof typeof variants
  className?: string
  children: ReactNode
}) {
  return (
    <Link
      href={href}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2 text-center font-semibold no-underline ${variants[variant]} ${className}`}
    >
      {children}
    </Link>
  )
}
