'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import {
  getCurrentSubscription,
  isPushSubscribeError,
  isPushSupported,
  pushSubscriptionPayload,
  subscribeToPush,
  unsubscribeFromPush,
} from '@/lib/pwa/client/push'
import type { PushSettingsTexts } from './push-settings-texts'

type State = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'paused'
type Message = { ok: boolean; text: string } | null

const button = 'min-h-12 rounded-md px-5 font-semibold disabled:opacity-60'
const primary = `${button} bg-primary text-white hover:bg-primary-dark`
const secondary = `${button} border-2 border-primary bg-white text-primary hover:bg-primary-light`

async function call(method: string, url: string, body: unknown): Promise<{ ok: boolean; message?: string }> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = (await response.json().catch(() => ({}))) as { message?: string }
  return { ok: response.ok, message: data.message }
}

/**
 * Turns push on and off for this one device; the server keeps one subscription per device.
 * Before this device is a citizen, its privacy checkbox is the page's only one: the topics
 * form below posts it too (`form={consentForm}`), so the citizen confirms once.
 */
export function PushSettings({
  privacyVersion,
  hasCitizen,
  consentForm,
  chosenTopics,
  devices,
  texts,
}: {
  privacyVersion: string
  hasCitizen: boolean
  consentForm: string
  chosenTopics: number[]
  devices: Array<{ endpoint: string; enabled: boolean }>
  texts: PushSettingsTexts
}) {
  const router = useRouter()
  const [state, setState] = useState<State>('checking')
  const [endpoint, setEndpoint] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [privacy, setPrivacy] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  // Fetched ahead: awaiting it inside the click could outlast the click's user activation,
  // which some browsers require for the permission prompt.
  const [publicKey, setPublicKey] = useState<string | null>(null)

  useEffect(() => {
    fetch('/api/push/public-key')
      .then((r) => (r.ok ? (r.json() as Promise<{ publicKey: string }>) : null))
      .then((data) => setPublicKey(data?.publicKey ?? null))
      .catch(() => setPublicKey(null))
  }, [])

  useEffect(() => {
    let cancelled = false
    void (async () => {
      if (!isPushSupported()) return setState('unsupported')
      if (Notification.permission === 'denied') return setState('denied')
      const subscription = await getCurrentSubscription({ timeoutMs: 5_000 })
      if (cancelled) return
      const known = subscription ? devices.find((d) => d.endpoint === subscription.endpoint) : undefined
      setEndpoint(known ? known.endpoint : null)
      setState(known ? (known.enabled ? 'on' : 'paused') : 'off')
    })()
    return () => {
      cancelled = true
    }
  }, [devices])

  async function run(task: () => Promise<Message>) {
    if (!navigator.onLine) return setMessage({ ok: false, text: texts.offline })
    setBusy(true)
    setMessage(null)
    try {
      setMessage(await task())
    } catch {
      setMessage({ ok: false, text: texts.failed })
    } finally {
      setBusy(false)
    }
  }

  const enable = () =>
    run(async () => {
      if (!hasCitizen && !privacy) return { ok: false, text: texts.privacyRequired }
      if (!publicKey) return { ok: false, text: texts.failed }
      let subscription: PushSubscription
      try {
        subscription = await subscribeToPush(publicKey)
      } catch (error) {
        if (isPushSubscribeError(error)) {
          if (error.code === 'denied') setState('denied')
          if (error.code === 'unsupported') setState('unsupported')
          return { ok: false, text: error.code === 'timeout' ? texts.timeout : error.code === 'denied' ? texts.denied : texts.failed }
        }
        throw error
      }
      const saved = await call('POST', '/api/push/subscriptions', {
        ...pushSubscriptionPayload(subscription),
        deviceLabel: navigator.userAgent.slice(0, 80),
        ...(hasCitizen ? {} : { privacyVersion, topics: chosenTopics }),
      })
      if (!saved.ok) return { ok: false, text: saved.message ?? texts.failed }
      setEndpoint(subscription.endpoint)
      setState('on')
      router.refresh()
      return { ok: true, text: texts.enabled }
    })

  const setPaused = (paused: boolean) =>
    run(async () => {
      const result = await call('PATCH', '/api/push/subscriptions', { endpoint, enabled: !paused })
      if (!result.ok) return { ok: false, text: result.message ?? texts.failed }
      setState(paused ? 'paused' : 'on')
      router.refresh()
      return null
    })

  const test = () =>
    run(async () => {
      const result = await call('POST', '/api/push/test', { endpoint })
      return result.ok ? { ok: true, text: texts.testSent } : { ok: false, text: result.message ?? texts.failed }
    })

  const disable = () =>
    run(async () => {
      const removed = (await unsubscribeFromPush()) ?? endpoint
      if (removed) await call('DELETE', '/api/push/subscriptions', { endpoint: removed })
      setEndpoint(null)
      setState('off')
      router.refresh()
      return { ok: true, text: texts.disabled }
    })

  return (
    <div className="rounded-md border-2 border-line bg-white p-4" data-push-state={state}>
      <p className="mb-3 text-lg">
        {state === 'checking'
          ? texts.checking
          : state === 'unsupported'
            ? texts.unsupported
            : state === 'denied'
              ? texts.denied
              : state === 'on'
                ? texts.on
                : state === 'paused'
                  ? texts.paused
                  : texts.off}
      </p>
      {!hasCitizen ? (
        <div className="mb-4 rounded-md border-l-4 border-primary bg-primary-light p-3">
          <p className="mb-1">{texts.privacyOnce}</p>
          <input type="hidden" form={consentForm} name="privacyVersion" value={privacyVersion} />
          <label className="flex min-h-12 items-start gap-3 font-semibold">
            <input
              id="privacy-consent"
              type="checkbox"
              form={consentForm}
              name="privacy"
              checked={privacy}
              onChange={(e) => setPrivacy(e.target.checked)}
              className="mt-1 size-6 shrink-0 accent-primary"
            />
            <span>{texts.privacyLabel}</span>
          </label>
          <Link href="/privacy" className="inline-flex min-h-11 items-center text-primary underline">
            {texts.privacyLink}
          </Link>
        </div>
      ) : null}
      {state === 'off' ? (
        <>
          <button type="button" className={primary} onClick={enable} disabled={busy}>
            {busy ? texts.enabling : texts.enable}
          </button>
        </>
      ) : null}
      {state === 'on' || state === 'paused' ? (
        <div className="flex flex-wrap gap-3">
          {state === 'on' ? (
            <button type="button" className={primary} onClick={test} disabled={busy}>
              {texts.test}
            </button>
          ) : null}
          <button type="button" className={secondary} onClick={() => setPaused(state === 'on')} disabled={busy}>
            {state === 'on' ? texts.pause : texts.resume}
          </button>
          <button type="button" className={secondary} onClick={disable} disabled={busy}>
            {texts.disable}
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={`mt-3 font-semibold ${message.ok ? 'text-success' : 'text-danger'}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  )
}
