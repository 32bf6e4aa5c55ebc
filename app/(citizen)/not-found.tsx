import { getTranslations } from 'next-intl/server'
import { ButtonLink } from '@/components/ui/button-link'
import { NoticePanel } from '@/components/ui/notice-panel'

/** A news item, event or office that does not exist (or is not public), inside the site's frame. */
export default async function CitizenNotFound() {
  const t = await getTranslations('errors')
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
    </NoticePanel>
  )
}
