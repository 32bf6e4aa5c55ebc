import { expectNoAxeViolations } from './fixtures/axe'
import { deliverToServiceWorker, shownNotifications, stubPushManager } from './fixtures/push-device'
import { messageTitled, newSinkSubscription } from './fixtures/push-sink'
import { expect, test } from './fixtures/test'

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
  await deliverToServiceWorker(page, context, message!.payload!)
  await expect.poll(() => shownNotifications(page)).toContain('Notifica di prova')

  // Nothing depends on push arriving: the message is in the inbox too, unread.
  await page.goto('/notifiche')
  // At least this one: alerts other journeys publish meanwhile reach every Protezione civile follower.
  await expect(page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: /Notifiche.*\d+ non lett[ae]/ })).toBeVisible()
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
  // What waits on the phone goes too: a draft with a name and phone number, a report the
  // Comune refused (kept to correct), a chat message not yet sent.
  await page.evaluate(async () => {
    const draft = (key: string) => ({
      key, step: 3, privacy: true, address: 'Via Roma 1', placeLabel: 'Via Roma 1', categoryId: '', answers: {},
      title: 'Buca sul marciapiede', description: 'Una buca profonda.', contactName: 'Maria Rossi', contactEmail: '', contactPhone: '333 1234567', photos: [],
    })
    localStorage.setItem('filo-report-draft', JSON.stringify(draft('bozza')))
    localStorage.setItem('filo-report-outbox', JSON.stringify([{ ...draft('rifiutata'), refused: { message: 'Scegli una categoria.' } }]))
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('filo-chat', 1)
      open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'clientId' })
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite')
        tx.objectStore('outbox').put({ clientId: 'in-attesa', kind: 'text', body: 'Buongiorno', createdAt: Date.now() })
        tx.oncomplete = () => {
          open.result.close()
          resolve()
        }
      }
    })
  })
  await page.getByLabel('Confermo: voglio cancellare tutti i miei dati').check()
  await page.getByRole('button', { name: 'Cancella i miei dati' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'I tuoi dati sono stati cancellati.' })).toBeVisible()
  const onThePhone = await page.evaluate(async () => ({
    draft: localStorage.getItem('filo-report-draft'),
    reports: localStorage.getItem('filo-report-outbox'),
    chat: (await indexedDB.databases()).some((d) => d.name === 'filo-chat'),
  }))
  expect(onThePhone).toEqual({ draft: null, reports: null, chat: false })
  await page.goto('/notifiche')
  await expect(page.getByText('Non hai ancora attivato le notifiche.')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'inbox after erasure' })
})
