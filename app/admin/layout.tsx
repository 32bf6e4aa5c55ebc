import type { Metadata } from 'next'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: { default: 'Area riservata', template: '%s · Area riservata · Filo' },
  robots: { index: false, follow: false },
}

export default function AdminRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Vai al contenuto principale
      </a>
      {children}
    </>
  )
}
