import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** A real 1×1 PNG: the phone re-encodes it, the server checks its bytes and re-encodes it again. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PHONE = { width: 360, height: 780 }

test.describe('citizen sends a photo with no connection', () => {
  test('a photo chosen offline waits on the phone, even across closing the app, and reaches staff exactly once', async ({ pageAs, newAnonymousPage }) => {
    test.setTimeout(120_000)
    const first = `Lampione spento in piazza ${unique('p')}`

    let citizen = await newAnonymousPage()
    await citizen.setViewportSize(PHONE)
    await citizen.goto('/chat')
    await citizen.getByLabel('Ho letto l’informativa sulla privacy').check()
    await citizen.getByRole('button', { name: 'Apri la chat' }).click()
    await citizen.getByLabel('Il tuo messaggio').fill(first)
    await citizen.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByRole('listitem').filter({ hasText: first }).getByTestId('message-state')).toHaveText(/Inviato|Letto/)

    const staff = await pageAs('operator')
    await staff.goto('/admin/chat?vista=unassigned')
    await staff.getByRole('link', { name: new RegExp(first.slice(-12)) }).click()
    const staffMessages = staff.getByRole('list', { name: 'Messaggi' })
    await expect(staffMessages).toContainText(first)

    // No network: the photo waits on the phone, visibly.
    await citizen.context().setOffline(true)
    await citizen.evaluate(() => window.dispatchEvent(new Event('offline')))
    await citizen.getByLabel(/Foto/).setInputFiles({ name: 'lampione.png', mimeType: 'image/png', buffer: PNG })
    const waiting = citizen.getByRole('listitem').filter({ has: citizen.getByTestId('message-state').filter({ hasText: 'In attesa di connessione' }) })
    await expect(waiting).toHaveCount(1)
    await expect(waiting.getByRole('img', { name: 'Foto' })).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'chat with a photo waiting offline' })

    // Back online in the same page: it goes, once.
    await citizen.context().setOffline(false)
    await citizen.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(staffMessages.getByRole('img', { name: 'Foto' })).toHaveCount(1, { timeout: 20_000 })
    await expect(waiting).toHaveCount(0)

    // Offline again; this time the citizen closes the app before the network returns.
    await citizen.context().setOffline(true)
    await citizen.evaluate(() => window.dispatchEvent(new Event('offline')))
    await citizen.getByLabel(/Foto/).setInputFiles({ name: 'lampione-2.png', mimeType: 'image/png', buffer: PNG })
    await expect(waiting).toHaveCount(1)
    const context = citizen.context()
    await citizen.close()
    await context.setOffline(false)

    // Opened again later, the app finds the photo where it left it and sends it.
    citizen = await context.newPage()
    await citizen.setViewportSize(PHONE)
    await citizen.goto('/chat')
    await expect(staffMessages.getByRole('img', { name: 'Foto' })).toHaveCount(2, { timeout: 20_000 })
    await expect(citizen.getByTestId('message-state').filter({ hasText: /In attesa|Invio in corso/ })).toHaveCount(0)

    // A reply after them proves the stream moved on; a fresh load shows what the server holds: two photos, not more.
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('Ricevute le foto, grazie!')
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByText('Ricevute le foto, grazie!')).toBeVisible()
    await expect(citizen.getByRole('list', { name: 'Scrivi al Comune' }).getByRole('img', { name: 'Foto' })).toHaveCount(2)
    await staff.reload()
    await expect(staffMessages.getByText('Ricevute le foto, grazie!')).toBeVisible()
    await expect(staffMessages.getByRole('img', { name: 'Foto' })).toHaveCount(2)
  })
})
