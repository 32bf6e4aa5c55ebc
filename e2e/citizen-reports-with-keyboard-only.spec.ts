import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/**
 * Presses Tab (only the keyboard moves focus) until `target` has the focus; fails if it is
 * not reachable within `limit` presses.
 */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`)
}

test.describe('citizen reports a problem with the keyboard alone', () => {
  test('the whole flow, from the home page to the confirmation, by address search', async ({ page }) => {
    test.setTimeout(180_000)
    const title = `Lampione spento ${Date.now().toString(36)}`
    await page.goto('/')
    await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Segnala un problema' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Autorizzazioni e condizioni' })).toBeVisible()

    await tabTo(page, page.getByLabel('Ho letto e compreso l’informativa sulla privacy'))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: 'Avanti', exact: true }))
    await page.keyboard.press('Enter')

    // The step heading takes the focus, so a screen reader announces the new step.
    await expect(page.getByRole('heading', { level: 2, name: 'Dove si trova il problema?' })).toBeFocused()
    // "Avanti" without a place is refused; the error goes as soon as a place is found.
    await tabTo(page, page.getByRole('button', { name: 'Avanti', exact: true }))
    await page.keyboard.press('Enter')
    const errors = page.getByRole('alert').filter({ hasText: 'Controlla questi punti' })
    await expect(errors).toContainText('Indica dove si trova il problema.')
    await tabTo(page, page.getByLabel('Cerca un luogo'))
    await page.keyboard.type('via dante')
    await page.keyboard.press('Enter')
    const result = page.getByRole('button', { name: 'Scegli Via Dante Alighieri' })
    await expect(result).toBeVisible()
    await tabTo(page, result)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('chosen-place')).toHaveText('Via Dante Alighieri')
    await expect(errors).toHaveCount(0)
    await expect(page.getByText('Indica dove si trova il problema.')).toHaveCount(0)
    await tabTo(page, page.getByRole('button', { name: 'Avanti', exact: true }))
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { level: 2, name: 'Il problema' })).toBeFocused()
    // An empty problem is refused; each error leaves as soon as its field is put right.
    await tabTo(page, page.getByRole('button', { name: 'Avanti', exact: true }))
    await page.keyboard.press('Enter')
    await expect(errors).toContainText('Scegli il tipo di problema.')
    await expect(errors).toContainText('Scrivi un titolo di almeno 3 caratteri.')
    await tabTo(page, page.getByLabel('Tipo di problema *'))
    await page.keyboard.type('Illuminazione')
    await expect(page.getByLabel('Tipo di problema *')).toHaveValue(/\d+/)
    await expect(page.getByLabel('Tipo di problema *')).toHaveAttribute('aria-invalid', 'false')
    await expect(errors).not.toContainText('Scegli il tipo di problema.')
    await expect(errors).toContainText('Scrivi un titolo di almeno 3 caratteri.')
    await tabTo(page, page.getByLabel('Titolo *'))
    await page.keyboard.type(title)
    await tabTo(page, page.getByLabel('Dettagli *'))
    await page.keyboard.type('Il lampione all’angolo non si accende da tre sere.')
    await expect(errors).toHaveCount(0)

    // The photo picker is a large button, reached and opened with the keyboard, and says in Italian what was chosen.
    const picker = page.getByLabel('Aggiungi foto')
    await tabTo(page, picker)
    const pickerButton = page.locator('label').filter({ has: picker })
    // The hidden input has the focus: the button around it shows the focus ring.
    await expect(pickerButton).toHaveCSS('outline-style', 'solid')
    await expect(pickerButton).toHaveCSS('outline-color', 'rgb(255, 153, 0)')
    const pickerBox = (await pickerButton.boundingBox())!
    expect(pickerBox.height).toBeGreaterThanOrEqual(44)
    await expect(page.getByTestId('photos-chosen')).toHaveText('Nessuna foto aggiunta.')
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    await (await chooser).setFiles([])
    await tabTo(page, page.getByRole('button', { name: 'Salva bozza' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Bozza salvata su questo dispositivo.')).toBeVisible()

    // The draft survives a reload.
    await page.reload()
    await expect(page.getByText('Abbiamo ripreso la bozza che avevi salvato.')).toBeVisible()
    await expect(page.getByLabel('Titolo *')).toHaveValue(title)

    await tabTo(page, page.getByRole('button', { name: 'Avanti', exact: true }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Riepilogo' })).toBeFocused()
    await expect(page.getByRole('main')).toContainText('Illuminazione pubblica')
    await tabTo(page, page.getByRole('button', { name: 'Invia la segnalazione' }))
    // A double press sends one report: the key of the draft is the same.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Segnalazione inviata' })).toBeFocused()
    const code = (await page.getByTestId('public-code').textContent())!.trim()
    // The code is part of the sentence, on one line.
    await expect(page.getByTestId('done-lead')).toContainText(`la tua segnalazione. Il suo codice è ${code}: conservalo`)
    const codeBox = (await page.getByTestId('public-code').boundingBox())!
    expect(codeBox.height).toBeLessThan(60)
    await expectNoAxeViolations(page, { label: 'keyboard flow: confirmation' })

    await tabTo(page, page.getByRole('link', { name: 'Le mie segnalazioni' }).last())
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' })).toBeVisible()
    await expect(page.getByRole('link', { name: title })).toHaveCount(1)
    await expect(page.getByRole('main')).toContainText(code)
  })

  test('a report written offline waits on the device and is sent when the connection returns', async ({ browser }) => {
    test.setTimeout(120_000)
    const context = await browser.newContext({ geolocation: { latitude: 43.4702, longitude: 11.8838 }, permissions: ['geolocation'] })
    const page = await context.newPage()
    const title = `Rifiuti abbandonati ${Date.now().toString(36)}`
    await page.goto('/segnalazioni/nuova')
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByRole('button', { name: 'Usa la mia posizione' }).click()
    await expect(page.getByTestId('chosen-place')).toContainText('Via Dante Alighieri')
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()
    await page.getByLabel('Tipo di problema *').selectOption({ label: 'Igiene urbana, rifiuti, pulizia e decoro' })
    await page.getByLabel('Titolo *').fill(title)
    await page.getByLabel('Dettagli *').fill('Sacchi di rifiuti lasciati accanto alla panchina.')
    await page.getByRole('button', { name: 'Avanti', exact: true }).click()

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(page.getByText('Sei offline: la segnalazione è salvata su questo dispositivo')).toBeVisible()

    await context.setOffline(false)
    const sent = page.getByRole('link', { name: /La segnalazione salvata sul dispositivo è stata inviata: codice SEG-/ })
    await expect(sent).toBeVisible({ timeout: 20_000 })
    await sent.click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await context.close()
  })
})
