import type { BrowserContext, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/**
 * No report is ever lost: the report form opens without a connection once the app has been
 * visited, a report written offline waits on the phone, and it leaves from whichever page is
 * open when the connection returns, even after the citizen closed the page. A report the
 * Comune refuses stays on the phone, with the reason, until the citizen corrects or deletes it.
 */

/** Via Dante Alighieri, inside the demo Comune. */
const HERE = { latitude: 43.4702, longitude: 11.8838 }

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
}

async function savedPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('filo-pages')
    return (await cache.keys()).map((request) => new URL(request.url).pathname)
  })
}

async function outbox(page: Page): Promise<Array<{ title: string; refused?: { message: string } }>> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('filo-report-outbox') ?? '[]') as Array<{ title: string; refused?: { message: string } }>)
}

/** Installs the app: the home, then the worker, which saves the report form by itself. */
async function installApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
  await waitForServiceWorkerControl(page)
  await expect.poll(() => savedPages(page), { timeout: 20_000 }).toContain('/segnalazioni/nuova')
  return page
}

async function fillPlaceAndProblem(page: Page, title: string) {
  await page.getByRole('button', { name: 'Usa la mia posizione' }).click()
  await expect(page.getByTestId('chosen-place')).not.toHaveText('—')
  await page.getByRole('button', { name: 'Avanti', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Il problema' })).toBeFocused()
  await page.getByLabel('Tipo di problema *').selectOption({ label: 'Igiene urbana, rifiuti, pulizia e decoro' })
  await page.getByLabel('Titolo *').fill(title)
  await page.getByLabel('Dettagli *').fill('Sacchi di rifiuti lasciati accanto alla panchina.')
  await page.getByRole('button', { name: 'Avanti', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Riepilogo' })).toBeFocused()
}

test.describe('a citizen reports without a connection', () => {
  test('from the first step offline; sent once from the home page when the connection returns', async ({ browser }) => {
    test.setTimeout(150_000)
    const context = await browser.newContext({ geolocation: HERE, permissions: ['geolocation'] })
    const home = await installApp(context)
    await home.close()
    const title = `Rifiuti offline ${Date.now().toString(36)}`

    // No connection from the start: the form comes from the phone.
    await context.setOffline(true)
    const page = await context.newPage()
    await page.goto('/segnalazioni/nuova')
    await page.waitForLoadState('networkidle')
    await expect(page.getByRole('heading', { level: 1, name: 'Segnala un problema' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Autorizzazioni e condizioni' })).toBeVisible()
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Dove si trova il problema?' })).toBeFocused()

    // Searching an address needs the network, and the page says so and what to do instead.
    await page.getByLabel('Cerca un luogo').fill('via dante')
    await page.getByRole('button', { name: 'Cerca', exact: true }).click()
    await expect(page.getByText('Sei offline: la ricerca degli indirizzi non funziona.')).toBeVisible()
    await expectNoAxeViolations(page, { label: 'report form offline: place step' })

    await fillPlaceAndProblem(page, title)
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByText('Sei offline: la segnalazione è salvata su questo dispositivo')).toBeVisible()
    await expectNoAxeViolations(page, { label: 'report queued offline' })
    expect((await outbox(page)).map((d) => d.title)).toEqual([title])

    // The citizen closes the page; later they open the app's home, still offline.
    await page.close()
    const later = await context.newPage()
    await later.goto('/')
    await later.waitForLoadState('networkidle')
    await expect(later.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
    await expect(later.getByText('Segnalazioni in attesa di connessione: 1.')).toBeVisible()

    // The connection returns while the home is open: the report leaves by itself.
    await context.setOffline(false)
    const sent = later.getByRole('link', { name: /La segnalazione salvata sul dispositivo è stata inviata: codice SEG-\d{4}-\d{6}/ })
    await expect(sent).toBeVisible({ timeout: 30_000 })
    const code = /SEG-\d{4}-\d{6}/.exec((await sent.textContent()) ?? '')![0]
    await expectNoAxeViolations(later, { label: 'home with the report sent from the device' })
    expect(await outbox(later)).toEqual([])

    // Exactly once: another visit sends nothing more, and the citizen has one report of that title.
    await later.reload()
    await expect(later.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
    await expect(later.getByText(/La segnalazione salvata sul dispositivo è stata inviata/)).toHaveCount(0)
    await later.goto('/segnalazioni/mie')
    await expect(later.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' })).toBeVisible()
    await expect(later.getByRole('link', { name: title })).toHaveCount(1)
    await expect(later.getByRole('main')).toContainText(code)
    await context.close()
  })

  test('a report the Comune refuses stays on the phone with the reason, to correct or delete', async ({ browser }) => {
    test.setTimeout(150_000)
    const context = await browser.newContext({ geolocation: HERE, permissions: ['geolocation'] })
    const page = await installApp(context)
    const fixedTitle = `Buca davanti al civico ${Date.now().toString(36)}`

    await page.goto('/segnalazioni/nuova')
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    // The device checks lengths only; the Comune refuses markup in any text.
    await fillPlaceAndProblem(page, 'Buca <b>grande</b>')
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByText('Sei offline: la segnalazione è salvata su questo dispositivo')).toBeVisible()

    await page.goto('/')
    await context.setOffline(false)
    const refused = page.getByRole('region', { name: 'Segnalazioni da correggere' })
    await expect(refused).toBeVisible({ timeout: 30_000 })
    await expect(refused).toContainText('Il Comune non ha accettato la segnalazione «Buca <b>grande</b>»')
    await expect(refused).toContainText('Il titolo: non usare codice HTML o script, scrivi solo testo.')
    await expectNoAxeViolations(page, { label: 'home with a refused report' })
    // Kept, not dropped: a new visit still shows it.
    await page.reload()
    await expect(refused).toBeVisible()
    expect((await outbox(page)).map((d) => d.refused?.message)).toEqual([expect.stringContaining('non usare codice HTML')])

    // "Apri e correggi": the report becomes the draft again, on the step with the title.
    await refused.getByRole('button', { name: 'Apri e correggi la segnalazione «Buca <b>grande</b>»' }).click()
    await expect(page).toHaveURL(/\/segnalazioni\/nuova$/)
    await expect(page.getByRole('heading', { level: 2, name: 'Il problema' })).toBeVisible()
    await expect(page.getByText('Il Comune non ha accettato questa segnalazione: correggi i punti indicati')).toBeVisible()
    const link = page.getByRole('alert').getByRole('link', { name: 'Il titolo: non usare codice HTML o script, scrivi solo testo.' })
    await link.click()
    await expect(page.getByLabel('Titolo *')).toBeFocused()
    await expect(page.getByLabel('Titolo *')).toHaveValue('Buca <b>grande</b>')
    await expectNoAxeViolations(page, { label: 'refused report reopened as a draft' })
    expect(await outbox(page)).toEqual([])
    await page.getByLabel('Titolo *').fill(fixedTitle)
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Segnalazione inviata' })).toBeFocused()
    await expect(page.getByTestId('public-code')).toHaveText(/SEG-\d{4}-\d{6}/)

    // "Elimina": a refused report the citizen no longer wants goes, after a confirmation.
    await page.evaluate(() => {
      localStorage.setItem('filo-report-outbox', JSON.stringify([{ key: 'e2e-refused-0001', step: 3, privacy: true, address: '', placeLabel: '', categoryId: '999', answers: {}, title: 'Panchina rotta', description: 'La panchina è rotta.', contactName: '', contactEmail: '', contactPhone: '', photos: [], refused: { message: 'Tipo di problema sconosciuto: scegline uno dall’elenco.' } }]))
    })
    await page.goto('/')
    await expect(refused).toContainText('Tipo di problema sconosciuto')
    page.once('dialog', (dialog) => void dialog.accept())
    await refused.getByRole('button', { name: 'Elimina la segnalazione «Panchina rotta»' }).click()
    await expect(page.getByText('Segnalazione eliminata da questo dispositivo.')).toBeVisible()
    await expect(refused).toHaveCount(0)
    expect(await outbox(page)).toEqual([])
    await context.close()
  })
})
