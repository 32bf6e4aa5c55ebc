'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

/** The citizen menu; marks the page (or section) the citizen is in, for eyes and screen readers. */
export function MainNav({
  label,
  items,
}: {
  label: string
  items: Array<{ href: string; label: string; badge?: string }>
}) {
  const pathname = usePathname()
  return (
    <nav aria-label={label} className="bg-primary">
      <ul className="mx-auto flex w-full max-w-5xl flex-wrap gap-x-1 px-2 sm:px-4">
        {items.map((item) => {
          const exact = pathname === item.href
          const inSection = !exact && item.href !== '/' && pathname.startsWith(`${item.href}/`)
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={exact ? 'page' : inSection ? 'true' : undefined}
                className={`inline-flex min-h-12 items-center border-b-4 px-3 font-semibold text-white no-underline hover:border-white/70 ${
                  exact || inSection ? 'border-white' : 'border-transparent'
                }`}
              >
                {item.label}
                {item.badge ? (
                  <span className="ml-2 rounded-full bg-white px-2 text-sm font-bold text-primary-dark">{item.badge}</span>
                ) : null}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
