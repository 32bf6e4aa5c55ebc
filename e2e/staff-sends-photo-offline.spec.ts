import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** A real 1×1 PNG: the server checks its bytes and re-encodes it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

test.describe('staff send a photo with no connection', () => {
  test('a photo chosen offline waits in the console, even across a reload, and reaches the citizen exactly once', async ({ pageAs, newAnonymousPage }) => {
    test.setTimeout(120_000)
    const first = `Foto del cassonetto rotto? ${unique('s')}`

    const citizen = await newAnonymousPage()
    await citizen.goto('/chat')
    await citizen.getByLabel('Ho letto l’informativa sulla privacy').check()
    await citizen.getByRole('button', { name: 'Apri la chat' }).click()
    await citizen.getByLabel('Il tuo messaggio').fill(first)
    await citizen.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByRole('listitem').filter({ hasText: first }).getByTestId('message-state')).toHaveText(/Inviato|Letto/)
    const citizenMessages = citizen.getByRole('list', { name: 'Scrivi al Comune' })

    const staff = await pageAs('operator')
    await staff.goto('/admin/chat?vista=unassigned')
    await staff.getByRole('link', { name: new RegExp(first.slice(-12)) }).click()
    const staffMessages = staff.getByRole('list', { name: 'Messaggi' })
    await expect(staffMessages).toContainText(first)

    // No network at the desk: the photo waits in the console, with its preview.
    await staff.context().setOffline(true)
    await staff.evaluate(() => window.dispatchEvent(new Event('offline')))
    await staff.getByLabel('Allega foto o video').setInputFiles({ name: 'cassonetto.png', mimeType: 'image/png', buffer: PNG })
    const waiting = staffMessages.getByRole('listitem').filter({ hasText: 'In attesa di connessione: partirà da sola' })
    await expect(waiting).toHaveCount(1)
    await expect(waiting.getByRole('img', { name: 'Foto in attesa di invio' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console with a photo waiting offline' })

    // The console is reloaded while the chat still cannot reach the server. The staff area is
    // never served by the service worker, so the page itself needs the network: the browser is
    // let online and every chat request fails as it does offline.
    await staff.route('**/api/chat/**', (route) => route.abort('internetdisconnected'))
    await staff.context().setOffline(false)
    await staff.reload()
    await expect(waiting).toHaveCount(1)
    await expect(waiting.getByRole('img', { name: 'Foto in attesa di invio' })).toBeVisible()

    // The network returns, but the first upload's answer is lost on the way back: the console
    // sends it again with the same key, and the server keeps the first copy.
    await staff.unroute('**/api/chat/**')
    let lostAnswers = 0
    await staff.route((url) => url.pathname === '/api/chat/attachments', async (route) => {
      if (route.request().method() === 'POST' && lostAnswers === 0) {
        lostAnswers += 1
        await route.fetch()
        await route.abort('connectionreset')
        return
      }
      await route.continue()
    })
    await staff.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(citizenMessages.getByRole('img', { name: 'Foto' })).toHaveCount(1, { timeout: 20_000 })
    expect(lostAnswers).toBe(1)
    await expect(waiting).toHaveCount(0, { timeout: 10_000 })
    await expect(staffMessages.getByRole('img', { name: 'Foto' })).toHaveCount(1)

    // A file the server refuses shows its reason, survives a reload, and can be deleted.
    await staff.getByLabel('Allega foto o video').setInputFiles({ name: 'non-una-foto.png', mimeType: 'image/png', buffer: Buffer.from('non sono una foto') })
    const refused = staffMessages.getByRole('listitem').filter({ hasText: 'Puoi inviare foto (JPEG, PNG, WebP) o video (MP4, WebM).' })
    await expect(refused).toHaveCount(1)
    await expect(refused.getByRole('button', { name: 'Riprova' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console with a refused attachment' })
    await staff.reload()
    await expect(refused).toHaveCount(1)
    await refused.getByRole('button', { name: 'Elimina' }).click()
    await expect(refused).toHaveCount(0)

    // A fresh console shows what the server holds: one photo, nothing waiting or refused.
    await staff.reload()
    await expect(staffMessages).toContainText(first)
    await expect(staffMessages.getByRole('img', { name: 'Foto' })).toHaveCount(1)
    await expect(staffMessages.getByRole('listitem').filter({ hasText: /In attesa di connessione|Puoi inviare foto/ })).toHaveCount(0)
    await expect(citizenMessages.getByRole('img', { name: 'Foto' })).toHaveCount(1)
  })
})
