'use client'

import { useEffect } from 'react'
import { ButtonLink } from '@/components/ui/button-link'
import { errorDigest } from '@/components/ui/error-digest'
import { NoticePanel, buttonClass } from '@/components/ui/notice-panel'
import it from '@/messages/it.json'

const t = it.errors

/**
 * Catches what the citizen and staff layouts themselves throw. Always Italian, and never
 * the error's message or stack: only the digest is logged, to match the server's log.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error('Errore nella pagina', { digest: errorDigest(error) })
  }, [error])

  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10">
      <NoticePanel
        title={t.errorTitle}
        actions={
          <>
            <button type="button" onClick={() => retry()} className={buttonClass}>
              {t.retry}
            </button>
            <ButtonLink href="/">{t.backHome}</ButtonLink>
          </>
        }
      >
        <p>{t.errorText}</p>
      </NoticePanel>
    </main>
  )
}
