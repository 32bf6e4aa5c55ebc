import sharp from 'sharp'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/** Via Dante Alighieri, inside the demo Comune. */
const HERE = { latitude: 43.4702, longitude: 11.8838 }

test.describe('citizen reports through a bad connection', () => {
  test('the map shows the Comune; a refusal leads to the field; a photo already uploaded is never uploaded twice', async ({ browser }) => {
    test.setTimeout(150_000)
    // No service worker: this journey cuts single requests, which a worker would hide from the test.
    const context = await browser.newContext({ geolocation: HERE, permissions: ['geolocation'], serviceWorkers: 'block' })
    const page = await context.newPage()
    let photosStored = 0
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/reports/photos' && response.status() === 201) photosStored++
    })
    const title = `Cartello divelto ${Date.now().toString(36)}`

    await page.goto('/segnalazioni/nuova')
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()

    // The map shows the Comune's boundary, a line drawn by the page: it shows without tiles too.
    await page.getByRole('button', { name: 'Mostra la mappa' }).click()
    const map = page.getByRole('region', { name: 'Mappa: tocca il punto del problema' })
    await expect(map).toBeVisible()
    await expect(map.locator('.leaflet-overlay-pane path')).toHaveCount(1)
    await expectNoAxeViolations(page, { label: 'report flow: place step with the map open' })
    await page.getByRole('button', { name: 'Usa la mia posizione' }).click()
    await expect(page.getByTestId('chosen-place')).toContainText('Via Dante Alighieri')
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()

    // Refused on sending: the citizen is taken to the step that has the field, and the link focuses it.
    await page.getByLabel('Tipo di problema *').selectOption({ label: 'Arredo urbano' })
    await page.getByLabel('Titolo *').fill('Cartello <b>divelto</b>')
    await page.getByLabel('Dettagli *').fill('Il cartello di stop è a terra.')
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Il problema' })).toBeVisible()
    const alert = page.getByRole('alert').filter({ hasText: 'Controlla questi punti' })
    await expect(alert).toContainText('Il titolo: non usare codice HTML o script, scrivi solo testo.')
    await alert.getByRole('link', { name: 'Il titolo: non usare codice HTML o script, scrivi solo testo.' }).click()
    await expect(page.getByLabel('Titolo *')).toBeFocused()
    await expectNoAxeViolations(page, { label: 'report flow: refusal shown on the problem step' })
    await page.getByLabel('Titolo *').fill(title)

    // A photo chosen offline waits on the phone.
    await context.setOffline(true)
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8b0000' } }).jpeg().toBuffer()
    await page.getByLabel('Aggiungi foto').setInputFiles({ name: 'cartello.jpg', mimeType: 'image/jpeg', buffer: photo })
    await expect(page.getByText('Sei offline: la foto sarà caricata all’invio.')).toBeVisible()
    await context.setOffline(false)
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Riepilogo' })).toBeVisible()

    // On sending, the photo goes up, then the connection drops before the report does.
    await page.route('**/segnalazioni/nuova', async (route) => {
      const request = route.request()
      if (request.method() === 'POST' && (request.postData() ?? '').includes('idempotencyKey')) await route.abort('internetdisconnected')
      else await route.continue()
    })
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByText('Sei offline: la segnalazione è salvata su questo dispositivo')).toBeVisible()
    expect(photosStored).toBe(1)
    // The report waiting on the phone carries the photo's id, not the picture again.
    const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('filo-report-outbox') ?? '[]') as Array<{ title: string; photos: Array<{ id?: string; dataUrl?: string }> }>)
    expect(waiting).toHaveLength(1)
    expect(waiting[0]!.photos).toEqual([expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) })])
    expect(waiting[0]!.photos[0]!.dataUrl).toBeUndefined()

    // The connection is back: opening any page sends it, with its photo, uploaded once.
    await page.unroute('**/segnalazioni/nuova')
    await page.goto('/')
    const sent = page.getByRole('link', { name: /La segnalazione salvata sul dispositivo è stata inviata: codice SEG-/ })
    await expect(sent).toBeVisible({ timeout: 30_000 })
    await sent.click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.getByRole('main').getByRole('img')).toHaveCount(1)
    expect(photosStored).toBe(1)
    await context.close()
  })
})
