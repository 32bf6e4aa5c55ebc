'use client'

import { useId, useSyncExternalStore } from 'react'
import {
  captureInstallPrompt,
  getInstallOption,
  isInstallDismissed,
  onInstallOptionChange,
  promptInstall,
  rememberInstallDismissed,
  type InstallOption,
} from '@/lib/pwa/client/install-prompt'

captureInstallPrompt()

export type InstallAppWords = {
  title: string
  text: string
  button: string
  dismiss: string
  installed: string
  iosTitle: string
  iosIntro: string
  iosStep1: string
  iosStep2: string
  iosStep3: string
  iosNotifications: string
  iosDismiss: string
}

type Snapshot = `${InstallOption}:${'dismissed' | 'shown'}`

function subscribe(onChange: () => void): () => void {
  const stop = onInstallOptionChange(onChange)
  const standalone = window.matchMedia('(display-mode: standalone)')
  standalone.addEventListener('change', onChange)
  window.addEventListener('storage', onChange)
  return () => {
    stop()
    standalone.removeEventListener('change', onChange)
    window.removeEventListener('storage', onChange)
  }
}

function getSnapshot(): Snapshot {
  return `${getInstallOption()}:${isInstallDismissed() ? 'dismissed' : 'shown'}`
}

/** On the server (and while hydrating) nothing is known about the browser: show nothing. */
function getServerSnapshot(): Snapshot {
  return 'none:shown'
}

/** The iOS Share icon (a square with an arrow pointing up), as the steps describe it. */
function ShareIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      className="mx-1 inline-block size-6 align-text-bottom text-primary"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 3v12M8 7l4-4 4 4" />
      <path d="M6 11H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1" />
    </svg>
  )
}

const primaryButton =
  'inline-flex min-h-12 items-center justify-center rounded-md bg-primary px-6 font-semibold text-white hover:bg-primary-dark'
const secondaryButton =
  'inline-flex min-h-12 items-center justify-center rounded-md border-2 border-primary bg-white px-5 font-semibold text-primary hover:bg-primary-light'

/**
 * "Installa l'app": the browser's install dialog where it offers one (Chrome, Edge), the
 * steps to add the app to the Home Screen on iPhone and iPad. Shows nothing when the app is
 * already installed (unless `showInstalled`), in browsers that cannot install it, and for
 * 30 days after "Non ora" (unless `ignoreDismissal`, e.g. on the settings page).
 */
export function InstallAppClient({
  words,
  headingLevel = 2,
  ignoreDismissal = false,
  showInstalled = false,
  className = '',
}: {
  words: InstallAppWords
  headingLevel?: 2 | 3
  ignoreDismissal?: boolean
  showInstalled?: boolean
  className?: string
}) {
  const headingId = useId()
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  const [option, dismissal] = snapshot.split(':') as [InstallOption, 'dismissed' | 'shown']
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  if (option === 'installed') {
    return showInstalled ? (
      <p className={`text-lg ${className}`} data-pwa-install="installed">
        {words.installed}
      </p>
    ) : null
  }
  if (option === 'none' || (dismissal === 'dismissed' && !ignoreDismissal)) return null

  const dismissButton = ignoreDismissal ? null : (
    <button type="button" className={secondaryButton} onClick={() => rememberInstallDismissed()}>
      {option === 'ios' ? words.iosDismiss : words.dismiss}
    </button>
  )

  return (
    <section
      aria-labelledby={headingId}
      data-pwa-install={option}
      className={`rounded-md border-2 border-primary bg-primary-light p-4 sm:p-5 ${className}`}
    >
      <Heading id={headingId} className="text-xl font-bold leading-snug sm:text-2xl">
        {option === 'ios' ? words.iosTitle : words.title}
      </Heading>
      {option === 'prompt' ? (
        <>
          <p className="mt-2 max-w-prose text-lg">{words.text}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" className={primaryButton} onClick={() => void promptInstall()}>
              {words.button}
            </button>
            {dismissButton}
          </div>
        </>
      ) : (
        <>
          <p className="mt-2 max-w-prose text-lg">{words.iosIntro}</p>
          <ol className="mt-3 max-w-prose list-decimal space-y-2 pl-7 text-lg">
            <li>
              {words.iosStep1}
              <ShareIcon />
            </li>
            <li>{words.iosStep2}</li>
            <li>{words.iosStep3}</li>
          </ol>
          <p className="mt-3 max-w-prose font-semibold">{words.iosNotifications}</p>
          {dismissButton ? <div className="mt-4">{dismissButton}</div> : null}
        </>
      )}
    </section>
  )
}
