'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

/** The chat, one tap away from every citizen page (hidden on the chat itself). */
export function ChatButton({ label }: { label: string }) {
  const pathname = usePathname()
  if (pathname === '/chat' || pathname.startsWith('/chat/')) return null
  return (
    <Link
      href="/chat"
      className="fixed bottom-4 right-4 z-40 inline-flex min-h-14 items-center gap-2 rounded-full bg-primary px-5 py-3 font-semibold text-white no-underline shadow-lg hover:bg-primary-dark"
    >
      <span aria-hidden="true">💬</span>
      {label}
    </Link>
  )
}
