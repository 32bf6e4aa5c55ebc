import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/** Via Dante Alighieri: the demo "Lampione spento da una settimana" is open here. */
const HERE = { latitude: 43.4702, longitude: 11.8838 }
const NEARBY_TITLE = 'Lampione spento da una settimana'

test.describe('citizen finds the same problem already reported nearby', () => {
  test('"Segnala anche tu" follows it, and the draft can be dropped', async ({ browser }) => {
    test.setTimeout(120_000)
    const context = await browser.newContext({ geolocation: HERE, permissions: ['geolocation'] })
    const page = await context.newPage()

    await page.goto('/segnalazioni/nuova')
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByRole('button', { name: 'Usa la mia posizione' }).click()
    await expect(page.getByTestId('chosen-place')).toContainText('Via Dante Alighieri')
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByLabel('Tipo di problema *').selectOption({ label: 'Illuminazione pubblica' })
    await page.getByLabel('Titolo *').fill('Lampione spento')
    await page.getByRole('button', { name: 'Salva bozza' }).click()

    // Open reports of the same kind nearby, with their text and distance, before sending.
    const nearby = page.getByRole('region', { name: 'Segnalazioni simili qui vicino' })
    await expect(nearby).toBeVisible()
    const item = nearby.getByRole('listitem').filter({ hasText: NEARBY_TITLE })
    await expect(item).toContainText('Il lampione all’angolo con via Cavour non si accende più la sera.')
    await expect(item).toContainText(/SEG-\d{4}-\d{6} · a 0 m/)
    await expectNoAxeViolations(page, { label: 'report flow: similar reports nearby' })

    await item.getByRole('button', { name: `Segnala anche tu: ${NEARBY_TITLE}` }).click()
    await expect(nearby.getByText(/Ora segui la segnalazione SEG-\d{4}-\d{6}: ti avviseremo a ogni passo\./)).toBeVisible()
    await expect(item).toContainText('La segui già')
    const code = /SEG-\d{4}-\d{6}/.exec((await item.textContent()) ?? '')![0]
    await expectNoAxeViolations(page, { label: 'report flow: following a nearby report' })

    // The report they were writing is no longer needed: one button drops it and opens the one they follow.
    await nearby.getByRole('button', { name: `Elimina la mia bozza e apri la segnalazione ${code}` }).click()
    await expect(page).toHaveURL(new RegExp(`/segnalazioni/${code}$`))
    await expect(page.getByRole('heading', { level: 1, name: NEARBY_TITLE })).toBeVisible()
    await expect(page.getByText('Segui questa segnalazione: riceverai gli aggiornamenti.')).toBeVisible()
    expect(await page.evaluate(() => localStorage.getItem('filo-report-draft'))).toBeNull()

    // A new report starts from scratch.
    await page.goto('/segnalazioni/nuova')
    await expect(page.getByRole('heading', { level: 2, name: 'Autorizzazioni e condizioni' })).toBeVisible()
    await expect(page.getByText('Abbiamo ripreso la bozza che avevi salvato.')).toHaveCount(0)

    // Their reports list it as followed.
    await page.goto('/segnalazioni/mie')
    await expect(page.getByRole('link', { name: NEARBY_TITLE })).toBeVisible()
    await context.close()
  })

  test('the public map, open, shows the Comune and its reports and passes axe', async ({ page }) => {
    await page.goto('/segnalazioni')
    await expect(page.getByRole('heading', { level: 1, name: 'Segnalazioni' })).toBeVisible()
    await page.getByRole('button', { name: 'Mostra sulla mappa' }).click()
    const map = page.getByRole('region', { name: 'Mappa delle segnalazioni' })
    await expect(map).toBeVisible()
    // The boundary and one circle per report: vector shapes, drawn also when tiles cannot load.
    await expect.poll(() => map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(1)
    await expectNoAxeViolations(page, { label: 'public reports map open' })

    // The list says how many reports match; a page past the end says so and leads back.
    await expect(page.getByTestId('reports-count')).toHaveText(/^\d+ segnalazion[ei]$/)
    await page.goto('/segnalazioni?stato=open&pagina=99')
    await expect(page.getByText('Questa pagina è oltre la fine dell’elenco.')).toBeVisible()
    const pages = page.getByRole('navigation', { name: 'Pagine dell’elenco' })
    await expect(pages).toContainText('Pagina 1 di 1')
    await pages.getByRole('link', { name: '← Precedenti' }).click()
    await expect(page).toHaveURL(/\/segnalazioni\?stato=open$/)
    await expect(page.getByRole('main')).toContainText('Lampione spento da una settimana')
    await expectNoAxeViolations(page, { label: 'public reports list, filtered' })
  })
})
