import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { CitizenChat, type CitizenChatStrings } from '@/components/chat/citizen-chat'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { getComune } from '@/lib/comune/get-comune'
import { getEnv } from '@/lib/env'
import { startChatAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('chat')
  return { title: t('metaTitle') }
}

const keys = [
  'heading', 'intro', 'placeholder', 'messageLabel', 'send', 'photo', 'video', 'position', 'sendPosition', 'openMap', 'sending',
  'sent', 'read', 'failed', 'retry', 'discard', 'waiting', 'you', 'staff', 'auto', 'typing', 'offline', 'streamDown', 'queueUnknown', 'queueClosed', 'noMessages',
  'positionDenied', 'uploading', 'throttled',
] as const

export default async function ChatPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection()
  const [t, citizen, comune, params] = await Promise.all([getTranslations('chat'), getCurrentCitizen(), getComune(), searchParams])
  const env = getEnv()

  if (!citizen) {
    return (
      <section aria-labelledby="chat-start" className="max-w-prose">
        <h1 id="chat-start" className="text-3xl font-bold leading-tight sm:text-4xl">
          {t('heading')}
        </h1>
        <p className="mt-3 text-lg">{t('intro')}</p>
        <h2 className="mt-6 text-2xl font-bold">{t('startHeading')}</h2>
        <p className="mt-2">{t('startIntro')}</p>
        {params.esito === 'privacy' ? (
          <p role="alert" className="mt-4 rounded-md border-2 border-danger bg-danger-light px-4 py-3 text-danger">
            {t('privacyRequired')}
          </p>
        ) : null}
        <form action={startChatAction} className="mt-4">
          <input type="hidden" name="privacyVersion" value={comune?.privacyNoticeVersion ?? ''} />
          <label className="flex min-h-12 items-start gap-3">
            <input type="checkbox" name="privacy" className="mt-1 size-6 shrink-0 accent-primary" />
            <span>{t('privacyLabel')}</span>
          </label>
          <Link href="/privacy" className="inline-flex min-h-11 items-center text-primary underline">
            {t('privacyLink')}
          </Link>
          <div>
            <button type="submit" className="mt-4 min-h-12 rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark">
              {t('start')}
            </button>
          </div>
        </form>
      </section>
    )
  }

  const strings = Object.fromEntries(keys.map((k) => [k, t(k)])) as Omit<CitizenChatStrings, 'queue' | 'videoTooLong' | 'videoTooBig'>
  return (
    <CitizenChat
      strings={{
        ...strings,
        // Filled in the browser with live figures.
        queue: t.raw('queue') as string,
        videoTooLong: t('videoTooLong', { seconds: env.FILO_CHAT_MAX_VIDEO_SECONDS }),
        videoTooBig: t('videoTooBig', { mb: env.FILO_CHAT_MAX_VIDEO_MB }),
      }}
      maxVideoSeconds={env.FILO_CHAT_MAX_VIDEO_SECONDS}
      maxVideoMb={env.FILO_CHAT_MAX_VIDEO_MB}
    />
  )
}
