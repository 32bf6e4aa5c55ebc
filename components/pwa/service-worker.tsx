import { getTranslations } from 'next-intl/server'
import { ServiceWorkerClient } from './service-worker-client'

/**
 * Filo's service worker for the citizen pages: registration, the "new version" banner, the
 * offline strip. Mount it once, in the citizen layout (never in the staff area).
 */
export async function AppServiceWorker({ locale }: { locale: string }) {
  const t = await getTranslations('pwa')
  return (
    <ServiceWorkerClient
      locale={locale}
      words={{
        updateLabel: t('update.label'),
        updateAvailable: t('update.available'),
        updateApply: t('update.apply'),
        updateLater: t('update.later'),
        updateFormWarning: t('update.formWarning'),
        updateApplyAnyway: t('update.applyAnyway'),
        offline: t('connection.offline'),
        online: t('connection.online'),
      }}
    />
  )
}
