'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function AdminNav({ links }: { links: Array<{ href: string; label: string }> }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Area riservata" className="bg-primary-dark">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
        {links.map((link) => {
          const current = link.href === '/admin' ? pathname === '/admin' : pathname.startsWith(link.href)
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center px-3 font-semibold text-white underline-offset-4 hover:underline ${
                  current ? 'underline decoration-4' : ''
                }`}
              >
                {link.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
