'use client'

import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { ButtonLink } from '@/components/ui/button-link'
import { errorDigest } from '@/components/ui/error-digest'
import { NoticePanel, buttonClass } from '@/components/ui/notice-panel'

/**
 * A page that failed, inside the site's frame so the menu still works. Never shows the
 * error itself: only its digest is logged, to match the server's log.
 */
export default function CitizenError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors')
  useEffect(() => {
    console.error('Errore nella pagina', { digest: errorDigest(error) })
  }, [error])

  return (
    <NoticePanel
      title={t('errorTitle')}
      actions={
        <>
          <button type="button" onClick={() => retry()} className={buttonClass}>
            {t('retry')}
          </button>
          <ButtonLink href="/">{t('backHome')}</ButtonLink>
        </>
      }
    >
      <p>{t('errorText')}</p>
    </NoticePanel>
  )
}
