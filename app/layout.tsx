import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import { getLocale } from 'next-intl/server'
import './globals.css'

// Served from the app itself: no request ever leaves for a font CDN.
const titillium = localFont({
  src: [
    { path: './fonts/titillium-web-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/titillium-web-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: './fonts/titillium-web-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-titillium',
  display: 'swap',
})

export const metadata: Metadata = {
  title: { default: 'Filo', template: '%s · Filo' },
  description: 'Il filo diretto tra il Comune e i cittadini',
}

export const viewport: Viewport = {
  themeColor: '#0066CC',
  width: 'device-width',
  initialScale: 1,
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale} className={titillium.variable}>
      <body className="min-h-dvh">{children}</body>
    </html>
  )
}
