import type { Metadata } from 'next'
import { connection } from 'next/server'
import { NextIntlClientProvider } from 'next-intl'
import { getMessages, getTranslations } from 'next-intl/server'
import { AppServiceWorker } from '@/components/pwa/service-worker'
import { ChatButton } from '@/components/chat/chat-button'
import { getComune } from '@/lib/comune/get-comune'
import { SiteFooter } from './_components/site-footer'
import { SiteHeader } from './_components/site-header'
import { ReportOutbox, type OutboxLabels } from './segnalazioni/_components/report-outbox'
import { getCitizenLocale } from './_lib/locale'

/** Before the Comune is configured the site still works, under the app's own name. */
const FALLBACK_NAME = 'Filo'

export async function generateMetadata(): Promise<Metadata> {
  // Read from the database at request time, never while `next build` prerenders.
  await connection()
  const [comune, locale, t] = await Promise.all([
    getComune(),
    getCitizenLocale(),
    getTranslations('common'),
  ])
  const name = comune?.name ?? FALLBACK_NAME
  return {
    title: { default: name, template: `%s · ${name}` },
    description: t('tagline'),
    openGraph: { siteName: name, locale: locale === 'it' ? 'it_IT' : 'en_GB', type: 'website' },
    // iPhone and iPad: the Home Screen app opens full screen, under the town's short name.
    appleWebApp: { capable: true, title: comune?.shortName || name, statusBarStyle: 'default' },
  }
}

export default async function CitizenLayout({ children }: { children: React.ReactNode }) {
  await connection()
  // Nothing here depends on the citizen: the unread badge is asked for by the browser
  // (/api/inbox/unread), so the home can be served from one copy per language.
  const [comune, locale, t, messages, tr] = await Promise.all([
    getComune(),
    getCitizenLocale(),
    getTranslations('common'),
    getMessages(),
    getTranslations('reports.flow'),
  ])
  const raw = (key: string) => tr.raw(key) as string
  const outboxLabels: OutboxLabels = {
    sent: raw('outboxSent'),
    pending: raw('outboxPending'),
    refusedTitle: raw('outboxRefusedTitle'),
    refused: raw('outboxRefused'),
    fix: raw('outboxFix'),
    fixLabel: raw('outboxFixLabel'),
    remove: raw('outboxRemove'),
    removeLabel: raw('outboxRemoveLabel'),
    removeConfirm: raw('outboxRemoveConfirm'),
    removed: raw('outboxRemoved'),
    draftBusy: raw('outboxDraftBusy'),
  }
  return (
    // Only the error texts travel to the browser: the error boundary is the one client
    // component here that translates; the others receive their words as props.
    <NextIntlClientProvider messages={{ errors: messages.errors ?? {} }}>
      {/* Bottom room (more than the floating chat button's height) so it never covers the end of the page. */}
      <div className="flex min-h-dvh flex-col pb-24">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        {/* Early in the page so its "Aggiorna" button comes early for keyboards; shown at the bottom. */}
        <AppServiceWorker locale={locale} />
        <SiteHeader
          name={comune?.name ?? FALLBACK_NAME}
          region={comune?.region ?? null}
          locale={locale}
        />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:py-10">
          {/* On every citizen page: reports written offline leave as soon as the connection returns. */}
          <ReportOutbox labels={outboxLabels} />
          {children}
        </main>
        <SiteFooter comune={comune} />
        <ChatButton
          label={(messages.chat as Record<string, string> | undefined)?.button ?? 'Chat'}
          short={(messages.chat as Record<string, string> | undefined)?.buttonShort ?? 'Chat'}
        />
      </div>
    </NextIntlClientProvider>
  )
}
