'use client'

import { useEffect } from 'react'
import { errorDigest } from '@/components/ui/error-digest'
import { NoticePanel, buttonClass } from '@/components/ui/notice-panel'
import it from '@/messages/it.json'
import './globals.css'

const t = it.errors

/**
 * The last resort, when the root layout itself fails: it replaces the whole document.
 * A plain <a> rather than <Link>, because the app around it may be what is broken.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error('Errore nella pagina', { digest: errorDigest(error) })
  }, [error])

  return (
    <html lang="it">
      <head>
        <title>{`${t.errorTitle} · Filo`}</title>
      </head>
      <body className="min-h-dvh">
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10">
          <NoticePanel
            title={t.errorTitle}
            actions={
              <>
                <button type="button" onClick={() => retry()} className={buttonClass}>
                  {t.retry}
                </button>
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload is the point here */}
                <a
                  href="/"
                  className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-primary bg-white px-5 py-2 font-semibold text-primary hover:bg-primary-light"
                >
                  {t.backHome}
                </a>
              </>
            }
          >
            <p>{t.errorText}</p>
          </NoticePanel>
        </main>
      </body>
    </html>
  )
}
