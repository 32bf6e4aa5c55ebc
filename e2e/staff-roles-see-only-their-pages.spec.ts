import { expectNoAxeViolations } from './fixtures/axe'
import type { Role } from './fixtures/staff'
import { expect, test } from './fixtures/test'

const adminOnly = ['/admin/personale', '/admin/personale/nuovo', '/admin/registro']
const nonAdmins: Role[] = ['operator', 'civil_protection']

test.describe('admin-only pages', () => {
  for (const role of nonAdmins) {
    test(`${role} is refused the admin-only pages`, async ({ pageAs }) => {
      const page = await pageAs(role)
      for (const path of adminOnly) {
        await page.goto(path)
        await expect(
          page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }),
          path,
        ).toBeVisible()
        await expect(page.getByRole('table')).toHaveCount(0)
      }
      await expectNoAxeViolations(page, { label: `refused page (${role})` })
    })
  }

  test('the operator sees and opens every office', async ({ pageAs }) => {
    const page = await pageAs('operator')
    await page.goto('/admin/uffici')
    await expect(page.getByRole('heading', { level: 1, name: 'Uffici' })).toBeVisible()
    for (const name of [
      'Ufficio Relazioni con il Pubblico (URP)',
      'Lavori pubblici e manutenzioni',
      'Ambiente e verde pubblico',
    ]) {
      await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible()
    }
    await expectNoAxeViolations(page, { label: 'office list (operator)' })
    await page
      .getByRole('main')
      .getByRole('link', { name: 'Ambiente e verde pubblico', exact: true })
      .click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ambiente e verde pubblico' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Salva orari e contatti' })).toBeVisible()
  })
})
