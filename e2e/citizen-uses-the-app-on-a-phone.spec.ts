import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

const PHONE = { width: 360, height: 740 }

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Height and width of a control a finger has to hit (WCAG 2.5.5: 44 × 44 CSS px). */
async function expectLargeTarget(target: Locator): Promise<void> {
  const box = (await target.boundingBox())!
  expect(box.height, `height of ${target.toString()}`).toBeGreaterThanOrEqual(44)
  expect(box.width, `width of ${target.toString()}`).toBeGreaterThanOrEqual(44)
}

/**
 * Tabs through the page from the top to `last`, checking at every stop that the focused
 * control is inside the screen and not under the floating chat button.
 */
async function tabPastChatButton(page: Page, last: Locator, limit = 60): Promise<number> {
  const chat = page.getByRole('link', { name: 'Chat con il Comune' })
  await page.keyboard.press('Tab')
  for (let stops = 1; stops <= limit; stops++) {
    const focused = page.locator(':focus')
    const isChat = await focused.evaluate((el) => el.id === 'chat-button')
    if (!isChat) {
      const box = await focused.boundingBox()
      const button = (await chat.boundingBox())!
      if (box && box.width > 1 && box.height > 1) {
        const name = await focused.evaluate((el) => (el.textContent ?? '').trim().slice(0, 40))
        expect(overlaps(box, button), `"${name}" is under the chat button`).toBe(false)
        expect(box.y + box.height, `"${name}" is below the screen`).toBeLessThanOrEqual(PHONE.height)
      }
    }
    if (await last.evaluate((el) => el === document.activeElement)) return stops
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reached with Tab: ${last.toString()}`)
}

test.describe('a citizen uses the app on a phone', () => {
  test.use({ viewport: PHONE })

  test('the chat button never hides the control that has the focus, nor the end of the page', async ({ page }) => {
    await page.goto('/segnalazioni/mie')
    await expect(page.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' })).toBeVisible()
    const chat = page.getByRole('link', { name: 'Chat con il Comune' })
    // Short on a phone, so it covers less; its name stays the full one.
    expect(await chat.innerText()).toContain('Chat')
    expect(await chat.innerText()).not.toContain('con il Comune')
    await expectLargeTarget(chat)
    const staff = page.getByRole('link', { name: 'Area riservata al personale' })
    const stops = await tabPastChatButton(page, staff)
    expect(stops).toBeGreaterThan(5)

    // Scrolled to the very end, the last line of the page is above the button.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const last = (await staff.boundingBox())!
    expect(last.y + last.height).toBeLessThanOrEqual((await chat.boundingBox())!.y)

    await page.goto('/')
    await tabPastChatButton(page, page.getByRole('link', { name: 'Area riservata al personale' }))
    await expectNoAxeViolations(page, { label: 'home (phone)' })
  })

  test('a wrong address and a wrong report code leave the citizen somewhere useful', async ({ page }) => {
    const response = await page.goto('/pagina-che-non-esiste')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible()
    // Inside the site: the menu and the footer are there, with ways on.
    await expect(page.getByRole('navigation', { name: 'Menu principale' })).toBeVisible()
    await expect(page.getByRole('contentinfo')).toContainText('Comune di Esempio')
    await expect(page.getByRole('main').getByRole('link', { name: 'Torna alla pagina iniziale' })).toBeVisible()
    await expect(page.getByRole('main').getByRole('link', { name: 'I contatti del Comune' })).toHaveAttribute('href', '/#contatti')
    await expectNoAxeViolations(page, { label: 'not found (phone)' })

    await page.getByRole('main').getByRole('link', { name: 'Le segnalazioni' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Segnalazioni' })).toBeVisible()
    // A real code of an open report, from the public list (its title links are large enough for a finger).
    await page.goto('/segnalazioni?stato=open')
    const first = page.locator('main a[href^="/segnalazioni/SEG-"]').first()
    await expect(first).toBeVisible()
    await expectLargeTarget(first)
    const code = (await first.getAttribute('href'))!.split('/').pop()!
    const title = (await first.textContent())!.trim()

    const missing = await page.goto('/segnalazioni/SEG-2099-999999')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Nessuna segnalazione con questo codice' })).toBeVisible()
    await expectNoAxeViolations(page, { label: 'unknown report code (phone)' })
    // Typed again, in lower case with a stray space: found.
    await page.getByLabel('Codice della segnalazione').fill(` ${code.toLowerCase()}`)
    await page.getByRole('button', { name: 'Cerca' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/segnalazioni/${code}$`))

    // The hint and the button say the same thing: follow this report.
    await expect(page.getByText('Hai lo stesso problema? Non serve segnalarlo di nuovo: segui questa segnalazione')).toBeVisible()
    await expect(page.getByRole('button', { name: /Segnala anche tu/ })).toHaveCount(0)
    // A first visit from this phone: following asks for the privacy notice, then works.
    await page.getByRole('button', { name: 'Segui questa segnalazione' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Per seguire la segnalazione conferma di aver letto l’informativa sulla privacy.' })).toBeVisible()
    await page.getByLabel('Ho letto l’informativa sulla privacy').check()
    await page.getByRole('button', { name: 'Segui questa segnalazione' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Ora segui questa segnalazione.' })).toBeVisible()
    await expect(page.getByText('Segui questa segnalazione: riceverai gli aggiornamenti.')).toBeVisible()
    await expectNoAxeViolations(page, { label: 'report followed (phone)' })
  })

  test('settings ask for the privacy consent once, and it serves both notifications and topics', async ({ page }) => {
    await page.goto('/impostazioni')
    await expect(page.locator('[data-push-state]')).not.toHaveAttribute('data-push-state', 'checking')
    await expect(page.getByRole('checkbox', { name: 'Ho letto l’informativa sulla privacy' })).toHaveCount(1)
    const notice = page.getByRole('link', { name: 'Leggi l’informativa sulla privacy' })
    await expect(notice).toHaveCount(1)
    const box = (await notice.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    await expectNoAxeViolations(page, { label: 'settings before consent (phone)' })

    // Saving topics without it is refused, and points back to the one checkbox.
    await page.getByRole('button', { name: 'Salva gli argomenti' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Per continuare conferma di aver letto l’informativa sulla privacy.' })).toBeVisible()
    await page.getByRole('link', { name: 'Prima di salvare, conferma l’informativa sulla privacy qui sopra.' }).click()
    await page.getByRole('checkbox', { name: 'Ho letto l’informativa sulla privacy' }).check()
    await page.getByRole('checkbox', { name: /Viabilità/ }).check()
    await page.getByRole('button', { name: 'Salva gli argomenti' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Argomenti salvati.' })).toBeVisible()
    await expect(page.getByRole('checkbox', { name: /Viabilità/ })).toBeChecked()
    // Given once, never asked again.
    await expect(page.getByRole('checkbox', { name: 'Ho letto l’informativa sulla privacy' })).toHaveCount(0)
  })

  test('blocked notifications are explained for the browser and for the installed app', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Notification, 'permission', { get: () => 'denied' }))
    await page.goto('/impostazioni')
    const push = page.locator('[data-push-state]')
    await expect(push).toHaveAttribute('data-push-state', 'denied')
    await expect(push).toContainText('se usi l’app installata, apri le impostazioni del telefono')
  })

  test('the map zoom buttons and the privacy link of the report form are large enough for a finger', async ({ page }) => {
    await page.goto('/segnalazioni')
    await page.getByRole('button', { name: 'Mostra sulla mappa' }).click()
    const zoomIn = page.locator('.leaflet-control-zoom-in')
    await expect(zoomIn).toBeVisible()
    await expectLargeTarget(zoomIn)
    await page.goto('/segnalazioni/nuova')
    await expect(page.getByRole('heading', { level: 2, name: 'Autorizzazioni e condizioni' })).toBeVisible()
    const box = (await page.getByRole('main').getByRole('link', { name: 'Leggi l’informativa' }).first().boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
  })
})
