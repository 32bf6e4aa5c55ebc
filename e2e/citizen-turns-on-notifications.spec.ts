import type { BrowserContext, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { messageTitled, newSinkSubscription, type SinkSubscription } from './fixtures/push-sink'
import { expect, test } from './fixtures/test'

/**
 * No real push service is reachable here, so the browser's pushManager.subscribe is the one
 * call replaced: it hands back a subscription of the local sink, whose keys the sink holds.
 * Everything after that is real: the server encrypts and sends Web Push to the sink, which
 * decrypts it; DevTools then delivers that payload to the real service worker.
 */
async function stubPushManager(context: BrowserContext, subscription: SinkSubscription) {
  await context.grantPermissions(['notifications'])
  await context.addInitScript((sub) => {
    const toBuffer = (b64url: string) => {
      const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64url.length % 4)) % 4)
      return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer
    }
    const fake = {
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: null as ArrayBuffer | null },
      getKey: (name: string) => toBuffer(name === 'p256dh' ? sub.keys.p256dh : sub.keys.auth),
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => {
        sessionStorage.removeItem('e2e-subscribed')
        return true
      },
    }
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey
      fake.options.applicationServerKey = key instanceof Uint8Array ? (key.buffer as ArrayBuffer) : null
      sessionStorage.setItem('e2e-subscribed', '1')
      return fake as unknown as PushSubscription
    }
    PushManager.prototype.getSubscription = async function () {
      return (sessionStorage.getItem('e2e-subscribed') ? fake : null) as unknown as PushSubscription | null
    }
  }, subscription)
}

async function deliverToServiceWorker(page: Page, context: BrowserContext, data: string) {
  const cdp = await context.newCDPSession(page)
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted && r.scopeURL.endsWith('/'))
      if (live) resolve(live.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId: await registrationId, data })
}

test('a citizen turns on notifications, gets a real test push, finds it in the inbox, then erases their data', async ({ page, context }) => {
  const subscription = await newSinkSubscription()
  await stubPushManager(context, subscription)

  await page.goto('/impostazioni')
  await expect(page.getByRole('heading', { level: 1, name: 'Impostazioni' })).toBeVisible()
  const push = page.locator('[data-push-state]')
  await expect(push).toHaveAttribute('data-push-state', 'off')
  await expectNoAxeViolations(page, { label: 'settings, before' })

  // The privacy notice comes first: without it nothing is created.
  await push.getByRole('button', { name: 'Attiva le notifiche' }).click()
  await expect(push.getByRole('alert')).toHaveText('Per attivare le notifiche conferma di aver letto l’informativa sulla privacy.')
  await push.getByLabel('Ho letto l’informativa sulla privacy').check()
  await push.getByRole('button', { name: 'Attiva le notifiche' }).click()
  await expect(push.getByRole('status')).toHaveText('Fatto! Le notifiche sono attive.')
  await expect(push).toHaveAttribute('data-push-state', 'on')
  // Protezione civile is chosen by default for a new citizen.
  await expect(page.getByRole('checkbox', { name: /Protezione civile/ })).toBeChecked()

  await push.getByRole('button', { name: 'Mandami una notifica di prova' }).click()
  await expect(push.getByRole('status')).toContainText('Notifica di prova inviata')

  const message = await messageTitled(subscription.endpoint, 'Notifica di prova')
  expect(message, 'the sink received and decrypted the push').toBeDefined()
  expect(message!.vapid.valid).toBe(true)
  expect(message!.headers.contentEncoding).toBe('aes128gcm')
  const payload = JSON.parse(message!.payload!) as { id: string; title: string; url: string; tag: string }
  expect(payload).toMatchObject({ title: 'Notifica di prova', url: '/notifiche' })
  expect(payload.tag).toBe(payload.id)

  // The same bytes, handed to the real service worker, become a notification on the phone.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  await deliverToServiceWorker(page, context, message!.payload!)
  await expect
    .poll(() =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title)),
    )
    .toContain('Notifica di prova')

  // Nothing depends on push arriving: the message is in the inbox too, unread.
  await page.goto('/notifiche')
  await expect(page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: /Notifiche.*1 non letta/ })).toBeVisible()
  const item = page.getByRole('link', { name: /Notifica di prova/ })
  await expect(item).toContainText('Non letta')
  await expectNoAxeViolations(page, { label: 'inbox' })
  await item.click()
  await expect(page).toHaveURL(/\/notifiche$/)
  await expect(page.getByRole('link', { name: /Notifica di prova/ })).not.toContainText('Non letta')

  // Topics can be changed at any time.
  await page.goto('/impostazioni')
  await page.getByRole('checkbox', { name: /Viabilità/ }).check()
  await page.getByRole('button', { name: 'Salva gli argomenti' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Argomenti salvati.' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: /Viabilità/ })).toBeChecked()

  // "Cancella i miei dati" needs a confirmation, then removes everything.
  await page.getByRole('button', { name: 'Cancella i miei dati' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'spunta la conferma' })).toBeVisible()
  await page.getByLabel('Confermo: voglio cancellare tutti i miei dati').check()
  await page.getByRole('button', { name: 'Cancella i miei dati' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'I tuoi dati sono stati cancellati.' })).toBeVisible()
  await page.goto('/notifiche')
  await expect(page.getByText('Non hai ancora attivato le notifiche.')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'inbox after erasure' })
})
