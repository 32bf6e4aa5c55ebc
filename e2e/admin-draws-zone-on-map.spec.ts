import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** No tile server is reachable: the map must work on its blank background with the boundary. */
async function withoutTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort())
}

test('an admin draws a zone by clicking on the map', async ({ pageAs }) => {
  const admin = await pageAs('admin')
  await withoutTiles(admin)
  await admin.goto('/admin/zone')
  await expect(admin.getByRole('heading', { level: 1, name: 'Zone' })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'zones list' })

  // With the mouse: four clicks around the middle of the Comune.
  const drawn = unique('Zona disegnata')
  await admin.getByRole('link', { name: 'Nuova zona' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Nuova zona' })).toBeVisible()
  const map = admin.getByRole('region', { name: 'Mappa del Comune: clicca per aggiungere un vertice' })
  await expect(map.locator('.leaflet-interactive, path').first()).toBeAttached()
  await expectNoAxeViolations(admin, { label: 'new zone (empty map)' })
  await admin.getByLabel('Nome della zona').fill(drawn)
  await map.scrollIntoViewIfNeeded()
  const box = (await map.boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const d = box.height * 0.2
  for (const [dx, dy] of [[-d, -d], [d, -d], [d, d], [-d, d]] as const) {
    await admin.mouse.click(cx + dx, cy + dy)
    await admin.waitForTimeout(300) // separate clicks, never read as a double click
  }
  await expect(admin.getByText('Poligono di 4 vertici, dentro il Comune.')).toBeVisible()
  await expect(admin.getByLabel('Vertici del poligono')).toHaveValue(/^(\d+\.\d{5}, \d+\.\d{5}\n){3}\d+\.\d{5}, \d+\.\d{5}$/)
  await expectNoAxeViolations(admin, { label: 'new zone (drawn)' })
  await admin.getByRole('button', { name: 'Salva la zona' }).click()
  await expect(admin).toHaveURL(/\/admin\/zone\/\d+\?esito=salvata$/)
  await expect(admin.getByRole('status').filter({ hasText: 'Zona salvata.' })).toBeVisible()
  await expect(admin.getByRole('heading', { level: 1, name: drawn })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'zone saved' })

  // It is offered when drafting an alert.
  await admin.goto('/admin/allerte/nuova')
  await expect(admin.getByRole('checkbox', { name: drawn })).toBeVisible()
})

test('an admin types a zone’s vertices with the keyboard; bad polygons are refused with the reason', async ({ pageAs }) => {
  const admin = await pageAs('admin')
  await withoutTiles(admin)
  const typed = unique('Zona scritta')
  await admin.goto('/admin/zone/nuova')
  await expect(admin.getByRole('heading', { level: 1, name: 'Nuova zona' })).toBeVisible()
  await admin.getByLabel('Nome della zona').focus()
  await admin.keyboard.type(typed)
  await admin.getByLabel('Vertici del poligono').focus()
  // First a polygon whose sides cross: refused with the reason, also announced before saving.
  await admin.keyboard.type('43.460, 11.870\n43.480, 11.890\n43.460, 11.890\n43.480, 11.870')
  await expect(admin.getByText('Il poligono si interseca con se stesso: ridisegnalo senza lati che si incrociano.')).toBeVisible()
  await admin.getByRole('button', { name: 'Salva la zona' }).focus()
  await admin.keyboard.press('Enter')
  await expect(alerts(admin)).toHaveText('Controlla i campi evidenziati.')
  await expect(admin.getByLabel('Vertici del poligono')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(admin, { label: 'zone with a self-crossing polygon' })
  // Then one outside the Comune.
  await admin.getByLabel('Vertici del poligono').fill('')
  await admin.getByLabel('Vertici del poligono').focus()
  await admin.keyboard.type('45.460, 9.180\n45.470, 9.190\n45.480, 9.180')
  await admin.getByRole('button', { name: 'Salva la zona' }).focus()
  await admin.keyboard.press('Enter')
  await expect(admin.getByText('Il poligono esce dal territorio del Comune.').first()).toBeVisible()
  // Then a good one.
  await admin.getByLabel('Vertici del poligono').fill('')
  await admin.getByLabel('Vertici del poligono').focus()
  await admin.keyboard.type('43.470, 11.860\n43.470, 11.870\n43.480, 11.870\n43.480, 11.860')
  await expect(admin.getByText('Poligono di 4 vertici, dentro il Comune.')).toBeVisible()
  await admin.getByRole('button', { name: 'Salva la zona' }).focus()
  await admin.keyboard.press('Enter')
  await expect(admin.getByRole('status').filter({ hasText: 'Zona salvata.' })).toBeVisible()
  await expect(admin.getByLabel('Vertici del poligono')).toHaveValue('43.47000, 11.86000\n43.47000, 11.87000\n43.48000, 11.87000\n43.48000, 11.86000')

  // It is offered when drafting an alert, which may also draw an area of its own.
  await admin.goto('/admin/allerte/nuova')
  await expect(admin.getByRole('checkbox', { name: typed })).toBeVisible()
  // Or an area drawn for this alert alone.
  await admin.getByLabel('Disegna un’area solo per questa allerta').check()
  await expect(admin.getByRole('region', { name: /clicca per aggiungere un vertice dell’area dell’allerta/ })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'alert composer with a drawn area' })
})
