import { expectNoAxeViolations } from './fixtures/axe'
import { freezeRomeClock } from './fixtures/clock'
import { expect, test } from './fixtures/test'
import type { Page } from '@playwright/test'

const URP = 'Ufficio Relazioni con il Pubblico (URP)'

/** The "Uffici" section of the home and, in it, the entry of one office. */
function officeEntry(page: Page, name: string) {
  const section = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Uffici', exact: true }) })
  return section.getByRole('listitem').filter({ hasText: name })
}

/**
 * The opening state is computed in the browser, in Europe/Rome time, whatever the time
 * zone of the device: a phone abroad must read the Comune's hours, not its own.
 */
for (const timezoneId of ['Europe/Rome', 'America/New_York']) {
  test.describe(`citizen home, device in ${timezoneId}`, () => {
    test.use({ timezoneId })

    test('on a Tuesday at 10:00 the URP is open until 13:00', async ({ page }) => {
      await freezeRomeClock(page, '2026-11-24T10:00')
      await page.goto('/')
      await expect(page.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
      await expect(officeEntry(page, URP)).toContainText('Aperto ora, chiude alle 13:00')
      await expectNoAxeViolations(page, { label: 'citizen home, Tuesday' })
    })

    test('on a Saturday afternoon the URP is closed until Monday 8:30', async ({ page }) => {
      await freezeRomeClock(page, '2026-11-28T15:00')
      await page.goto('/')
      await expect(page.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
      await expect(officeEntry(page, URP)).toContainText('Chiuso, riapre lunedì alle 8:30')
      await expectNoAxeViolations(page, { label: 'citizen home, Saturday' })
    })

    test('on a Sunday at 10:00 the URP reopens tomorrow at 8:30', async ({ page }) => {
      await freezeRomeClock(page, '2026-11-29T10:00')
      await page.goto('/')
      await expect(officeEntry(page, URP)).toContainText('Chiuso, riapre domani alle 8:30')
    })
  })
}

test('the home links the staff area and switches to English', async ({ page }) => {
  await freezeRomeClock(page, '2026-11-24T10:00')
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Comune di Esempio' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')

  const staffLink = page
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Area riservata al personale' })
  await expect(staffLink).toBeVisible()

  await page
    .getByRole('link', { name: /english/i })
    .or(page.getByRole('button', { name: /english/i }))
    .first()
    .click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoAxeViolations(page, { label: 'citizen home, English' })

  await page.goto('/')
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: /area riservata|staff/i })
    .click()
  await expect(page).toHaveURL(/\/admin(\/accedi)?(\?|$)/)
})
