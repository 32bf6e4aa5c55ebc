'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useId, useRef, useState } from 'react'

export type AdminNavLink = { href: string; label: string }
/** A labelled group of links; the group without a label (Bacheca) comes first and stands alone. */
export type AdminNavSection = { label: string | null; links: AdminNavLink[] }

/**
 * The staff area's navigation, grouped by what the work is about. On a phone the groups fold
 * behind a "Menu" button (fourteen links would push the page below the fold); from md up
 * they are always shown. Escape closes the menu and returns focus to its button.
 */
export function AdminNav({ sections }: { sections: AdminNavSection[] }) {
  const pathname = usePathname()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()
  const panelId = `${id}-panel`

  // The longest matching link is the current one: /admin/segnalazioni/categorie is not also "Segnalazioni".
  const matches = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`))
  const currentHref = sections
    .flatMap((s) => s.links.map((l) => l.href))
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0]
  const link = (l: AdminNavLink) => {
    const current = l.href === currentHref
    return (
      <li key={l.href}>
        <Link
          href={l.href}
          aria-current={current ? 'page' : undefined}
          onClick={() => setOpen(false)}
          className={`inline-flex min-h-11 items-center px-3 font-semibold text-white underline-offset-4 hover:underline ${current ? 'underline decoration-4' : ''}`}
        >
          {l.label}
        </Link>
      </li>
    )
  }

  return (
    <nav
      aria-label="Area riservata"
      className="bg-primary-dark"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false)
          button.current?.focus()
        }
      }}
    >
      <div className="mx-auto max-w-6xl px-2">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex min-h-11 items-center gap-2 px-3 font-semibold text-white md:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </button>
        {/* Five groups do not fit one row even at 1280 px: no vertical dividers, which landed at the
            start of the wrapped row out of line; the group names and a wider gap tell them apart. */}
        <div id={panelId} className={`${open ? 'block' : 'hidden'} pb-2 md:flex md:flex-wrap md:items-end md:gap-x-8 md:gap-y-1 md:pb-1`}>
          {sections.map((section, i) =>
            section.label === null ? (
              <ul key={`section-${i}`} data-nav-group className="flex flex-wrap gap-x-1">
                {section.links.map(link)}
              </ul>
            ) : (
              <div key={section.label} data-nav-group className="border-t border-white/40 pt-1 md:border-t-0 md:pt-0">
                <p id={`${id}-${i}`} className="px-3 text-sm tracking-wide text-white uppercase">
                  {section.label}
                </p>
                <ul aria-labelledby={`${id}-${i}`} className="flex flex-wrap gap-x-1">
                  {section.links.map(link)}
                </ul>
              </div>
            ),
          )}
        </div>
      </div>
    </nav>
  )
}
