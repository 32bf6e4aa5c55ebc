import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** No tile server is reachable here: the plan must be editable on the map's blank background. */
async function withoutTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort())
}

/**
 * What civil protection prepares before an emergency (aree di attesa, self-protection rules)
 * is what the alert composer offers in one: typed with the keyboard alone, checked by axe.
 */
test('an admin adds an area di attesa and edits the self-protection rules with the keyboard; the alert composer offers both', async ({ pageAs }) => {
  const admin = await pageAs('admin')
  await withoutTiles(admin)
  const area = unique('Area di attesa Piazza')

  await admin.goto('/admin/aree-di-attesa')
  await expect(admin.getByRole('heading', { level: 1, name: 'Aree di attesa' })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'waiting areas list' })

  await admin.goto('/admin/aree-di-attesa/nuova')
  await expect(admin.getByRole('heading', { level: 1, name: 'Nuova area di attesa' })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'new waiting area' })
  await admin.getByLabel('Nome', { exact: true }).focus()
  await admin.keyboard.type(area)
  await admin.getByLabel('Indirizzo').focus()
  await admin.keyboard.type('Piazza del Comune 1')
  // A point far away is refused with the reason, and nothing is saved.
  await admin.getByLabel('Posizione (latitudine, longitudine)').focus()
  await admin.keyboard.type('45.000, 9.000')
  await admin.getByRole('button', { name: /Salva/ }).focus()
  await admin.keyboard.press('Enter')
  await expect(admin.getByText('Il punto è fuori dal territorio del Comune.').first()).toBeVisible()
  await expect(admin).toHaveURL(/\/admin\/aree-di-attesa\/nuova$/)
  await expectNoAxeViolations(admin, { label: 'new waiting area (refused point)' })

  // The point at the middle of the Comune is accepted.
  const point = admin.getByLabel('Posizione (latitudine, longitudine)')
  await point.focus()
  await admin.keyboard.press('ControlOrMeta+a')
  await admin.keyboard.type('43.4700, 11.8800')
  await admin.getByRole('button', { name: /Salva/ }).focus()
  await admin.keyboard.press('Enter')
  await expect(admin).toHaveURL(/\/admin\/aree-di-attesa\/\d+\?esito=salvata$/)
  await expect(admin.getByRole('status').filter({ hasText: 'Area di attesa salvata.' })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'waiting area saved' })
  await admin.goto('/admin/aree-di-attesa')
  await expect(admin.getByText(area)).toBeVisible()

  // Self-protection rules: one more line for storm surges (a risk no other journey uses).
  const rule = unique('Non avvicinarti al molo')
  await admin.goto('/admin/norme-autoprotezione')
  await expect(admin.getByRole('heading', { level: 1, name: 'Norme di autoprotezione' })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'self-protection rules' })
  const surges = admin.locator('form').filter({ has: admin.getByRole('heading', { name: 'Mareggiate' }) })
  const italian = surges.getByLabel('Norme di comportamento (italiano)')
  await italian.focus()
  await admin.keyboard.press('ControlOrMeta+End')
  await admin.keyboard.press('Enter')
  await admin.keyboard.type(rule)
  await surges.getByRole('button').focus()
  await admin.keyboard.press('Enter')
  await expect(surges.getByText('Norme salvate: le nuove allerte le useranno.')).toBeVisible()
  await admin.reload()
  await expect(admin.locator('form').filter({ has: admin.getByRole('heading', { name: 'Mareggiate' }) }).getByLabel('Norme di comportamento (italiano)')).toHaveValue(new RegExp(rule))

  // The composer offers both: the area to tick, the rules inserted with one action.
  await admin.goto('/admin/allerte/nuova')
  await expect(admin.getByRole('group', { name: /Aree di attesa da indicare/ }).getByRole('checkbox', { name: new RegExp(area) })).toBeVisible()
  await admin.getByRole('group', { name: /^Rischi/ }).getByRole('checkbox', { name: 'Mareggiate' }).check()
  await admin.getByRole('button', { name: 'Inserisci le norme per i rischi scelti' }).focus()
  await admin.keyboard.press('Enter')
  await expect(admin.getByLabel('Cosa devono fare i cittadini')).toHaveValue(new RegExp(rule))
  await expectNoAxeViolations(admin, { label: 'alert composer with rules inserted' })
})
