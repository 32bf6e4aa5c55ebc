import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import { expect, test } from './fixtures/test'
import { demoOffices } from '../db/seed-data'

const officeNames = demoOffices.map((o) => o.name)

/** The demo office account (lavoripubblici@comune.esempio.it) works for this office. */
const OWN_OFFICE = 'Lavori pubblici e manutenzioni'
const OTHER_OFFICE = 'Ambiente e verde pubblico'

/** An office's id, read from the link an admin sees in /admin/uffici. */
async function officeId(admin: Page, name: string): Promise<string> {
  await admin.goto('/admin/uffici')
  const href = await admin
    .getByRole('main')
    .getByRole('link', { name, exact: true })
    .getAttribute('href')
  const id = /\/admin\/uffici\/(\d+)/.exec(href ?? '')?.[1]
  if (!id) throw new Error(`No link to office "${name}" in /admin/uffici (href: ${href})`)
  return id
}

async function phoneOf(page: Page, id: string): Promise<string> {
  await page.goto(`/admin/uffici/${id}`)
  return page.getByLabel('Telefono').inputValue()
}

test.describe('an office user works only on their own office', () => {
  test('the office list shows only their office', async ({ pageAs }) => {
    const office = await pageAs('office')
    await office.goto('/admin/uffici')
    await expect(office.getByRole('heading', { level: 1, name: 'Uffici' })).toBeVisible()
    const links = office
      .getByRole('main')
      .getByRole('link')
      .filter({ hasText: new RegExp(officeNames.map((n) => n.replace(/[()]/g, '\\$&')).join('|')) })
    await expect(links).toHaveText([OWN_OFFICE])
    await expectNoAxeViolations(office, { label: 'office list (office user)' })

    await links.first().click()
    await expect(office).toHaveURL(/\/admin\/uffici\/\d+$/)
    await expect(office.getByRole('heading', { level: 1, name: OWN_OFFICE })).toBeVisible()
    await expectNoAxeViolations(office, { label: 'own office page' })
  })

  test("another office's page is refused", async ({ pageAs }) => {
    const otherId = await officeId(await pageAs('admin'), OTHER_OFFICE)
    const office = await pageAs('office')
    await office.goto(`/admin/uffici/${otherId}`)
    await expect(
      office.getByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeVisible()
    await expect(office.getByRole('heading', { name: OTHER_OFFICE })).toHaveCount(0)
    await expect(office.getByRole('button', { name: 'Salva orari e contatti' })).toHaveCount(0)
    await expectNoAxeViolations(office, { label: "another office's page (office user)" })
  })

  test("a tampered form cannot change another office's data", async ({ pageAs }) => {
    const admin = await pageAs('admin')
    const otherId = await officeId(admin, OTHER_OFFICE)
    const ownId = await officeId(admin, OWN_OFFICE)
    const otherPhoneBefore = await phoneOf(admin, otherId)
    const ownPhoneBefore = await phoneOf(admin, ownId)

    const office = await pageAs('office')
    await office.goto(`/admin/uffici/${ownId}`)
    await expect(office.getByRole('heading', { level: 1, name: OWN_OFFICE })).toBeVisible()
    const hidden = office.locator('form input[type="hidden"][name="officeId"]')
    await expect(hidden).toHaveValue(ownId)
    await hidden.evaluate((input, id) => ((input as HTMLInputElement).value = id), otherId)
    await office.getByLabel('Telefono').fill('+39 0575 999999')
    await office.getByRole('button', { name: 'Salva orari e contatti' }).click()
    await expect(alerts(office)).toContainText('Puoi vedere e modificare solo il tuo ufficio.')
    await expect(office.getByRole('status').filter({ hasText: 'Ufficio aggiornato.' })).toHaveCount(
      0,
    )
    await expectNoAxeViolations(office, { label: 'own office page, tampered submit refused' })

    expect(await phoneOf(admin, otherId), `${OTHER_OFFICE} must be unchanged`).toBe(
      otherPhoneBefore,
    )
    expect(await phoneOf(admin, ownId), `${OWN_OFFICE} must be unchanged`).toBe(ownPhoneBefore)
  })

  test('their own office is saved', async ({ pageAs }) => {
    const office = await pageAs('office')
    await office.goto('/admin/uffici')
    await office.getByRole('main').getByRole('link', { name: OWN_OFFICE }).click()
    await expect(office.getByRole('heading', { level: 1, name: OWN_OFFICE })).toBeVisible()
    const ownPath = new URL(office.url()).pathname

    const phone = `+39 0575 ${String(Date.now() % 1_000_000).padStart(6, '0')}`
    await office.getByLabel('Telefono').fill(phone)
    await office.getByRole('button', { name: 'Salva orari e contatti' }).click()
    await expect(
      office.getByRole('status').filter({ hasText: 'Ufficio aggiornato.' }),
    ).toBeVisible()
    await expectNoAxeViolations(office, { label: 'own office page, saved' })

    await office.goto(ownPath)
    await expect(office.getByLabel('Telefono')).toHaveValue(phone)
  })

  for (const path of ['/admin/personale', '/admin/personale/nuovo', '/admin/registro']) {
    test(`${path} is refused`, async ({ pageAs }) => {
      const office = await pageAs('office')
      await office.goto(path)
      await expect(
        office.getByRole('heading', { level: 1, name: 'Accesso non consentito' }),
      ).toBeVisible()
    })
  }
})
