'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

/** The device's unread count, asked again at every page change (reading marks messages read). */
function useUnreadLabel(pathname: string): string {
  const [label, setLabel] = useState('')
  useEffect(() => {
    const controller = new AbortController()
    fetch('/api/inbox/unread', { signal: controller.signal, cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ label?: unknown }>) : { label: '' }))
      .then((body) => setLabel(typeof body.label === 'string' ? body.label : ''))
      .catch(() => {}) // offline: no badge
    return () => controller.abort()
  }, [pathname])
  return label
}

/** The citizen menu; marks the page (or section) the citizen is in, for eyes and screen readers. */
export function MainNav({
  label,
  items,
}: {
  label: string
  /** unreadBadge: show this device's unread inbox count next to the item. */
  items: Array<{ href: string; label: string; unreadBadge?: boolean }>
}) {
  const pathname = usePathname()
  const unread = useUnreadLabel(pathname)
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
                {item.unreadBadge && unread ? (
                  <span className="ml-2 rounded-full bg-white px-2 text-sm font-bold text-primary-dark">{unread}</span>
                ) : null}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
