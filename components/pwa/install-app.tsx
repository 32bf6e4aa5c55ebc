import { getTranslations } from 'next-intl/server'
import { InstallAppClient } from './install-app-client'

/**
 * "Installa l'app" (Chrome, Edge) or the "Aggiungi alla schermata Home" steps (iPhone, iPad),
 * with the words in the citizen's language. Renders nothing where the app cannot be
 * installed or already is. On the settings page pass `ignoreDismissal` (the citizen came
 * looking for it) and `showInstalled` (say so when it is installed).
 */
export async function InstallApp({
  headingLevel = 2,
  ignoreDismissal = false,
  showInstalled = false,
  className,
}: {
  headingLevel?: 2 | 3
  ignoreDismissal?: boolean
  showInstalled?: boolean
  className?: string
}) {
  const t = await getTranslations('pwa.install')
  return (
    <InstallAppClient
      headingLevel={headingLevel}
      ignoreDismissal={ignoreDismissal}
      showInstalled={showInstalled}
      className={className}
      words={{
        title: t('title'),
        text: t('text'),
        button: t('button'),
        dismiss: t('dismiss'),
        installed: t('installed'),
        iosTitle: t('iosTitle'),
        iosIntro: t('iosIntro'),
        iosStep1: t('iosStep1'),
        iosStep2: t('iosStep2'),
        iosStep3: t('iosStep3'),
        iosNotifications: t('iosNotifications'),
        iosDismiss: t('iosDismiss'),
      }}
    />
  )
}
