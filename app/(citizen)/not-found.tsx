import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { ButtonLink } from '@/components/ui/button-link'
import { NoticePanel } from '@/components/ui/notice-panel'

/** An address, news item, event or office that does not exist (or is not public), inside the site's frame, with ways on. */
export default async function CitizenNotFound() {
  const t = await getTranslations('errors')
  const link = 'inline-flex min-h-11 items-center font-semibold text-primary underline'
  return (
    <NoticePanel
      title={t('notFoundTitle')}
      actions={
        <ButtonLink href="/" variant="primary">
          {t('backHome')}
        </ButtonLink>
      }
    >
      <p>{t('notFoundText')}</p>
      <p className="mt-4">{t('notFoundMaybe')}</p>
      <ul className="mt-1 grid gap-1">
        <li>
          <Link href="/segnalazioni" className={link}>
            {t('notFoundReports')}
          </Link>
        </li>
        <li>
          <Link href="/uffici" className={link}>
            {t('notFoundOffices')}
          </Link>
        </li>
        <li>
          <Link href="/#contatti" className={link}>
            {t('notFoundContacts')}
          </Link>
        </li>
      </ul>
    </NoticePanel>
  )
}
