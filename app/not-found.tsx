import type { Metadata } from 'next'
import { ButtonLink } from '@/components/ui/button-link'
import { NoticePanel } from '@/components/ui/notice-panel'
import it from '@/messages/it.json'

const t = it.errors

export const metadata: Metadata = { title: t.notFoundTitle }

/** Addresses that match no page at all, for citizens and staff alike: in Italian. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10">
      <NoticePanel
        title={t.notFoundTitle}
        actions={
          <ButtonLink href="/" variant="primary">
            {t.backHome}
          </ButtonLink>
        }
      >
        <p>{t.notFoundText}</p>
      </NoticePanel>
    </main>
  )
}
