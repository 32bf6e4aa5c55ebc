import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

test('a citizen reads the alerts page and an ended alert, also offline', async ({ page, context }) => {
  await page.goto('/')
  // The demo's alert is over: it has no banner on the home. (Other journeys may have one in force.)
  await expect(page.getByRole('region', { name: 'Allerta GIALLA: Temporali forti nel pomeriggio' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Allerte' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Allerte di protezione civile' })).toBeVisible()
  const past = page.getByRole('region', { name: 'Concluse negli ultimi 7 giorni' })
  await expect(past.getByText('Allerta GIALLA')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'alerts list' })

  await past.getByRole('link', { name: 'Temporali forti nel pomeriggio' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporali forti nel pomeriggio' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Cessata allerta il' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Cosa devi fare' })).toBeVisible()
  await expect(page.getByText('Evita i sottopassi')).toBeVisible()
  await expect(page.getByText('Fase operativa: attenzione')).toBeVisible()
  await expect(page.getByText('Se sei in pericolo chiama il 112')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'alert page' })

  // Once seen, the alert stays readable without a connection.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  await page.reload()
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporali forti nel pomeriggio' })).toBeVisible()
  await context.setOffline(false)

  await page.goto('/allerte/00000000-0000-0000-0000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible()
})
