'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

/**
 * The chat, one tap away from every citizen page (hidden on the chat itself). On a phone it
 * shows only its short label, so it covers less of the page; its name stays the full one.
 * globals.css keeps room for it: scroll padding, so a focused control is never scrolled
 * under it, and space at the end of the page.
 */
export function ChatButton({ label, short }: { label: string; short: string }) {
  const pathname = usePathname()
  if (pathname === '/chat' || pathname.startsWith('/chat/')) return null
  return (
    <Link
      href="/chat"
      id="chat-button"
      aria-label={label}
      className="fixed bottom-3 right-3 z-40 inline-flex min-h-14 items-center gap-2 rounded-full bg-primary px-4 py-2 font-semibold text-white no-underline shadow-lg hover:bg-primary-dark sm:bottom-4 sm:right-4 sm:px-5"
    >
      <span aria-hidden="true">💬</span>
      <span aria-hidden="true" className="sm:hidden">{short}</span>
      <span aria-hidden="true" className="hidden sm:inline">{label}</span>
    </Link>
  )
}
