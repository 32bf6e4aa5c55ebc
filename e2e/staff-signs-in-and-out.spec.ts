import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import {
  DEMO_PASSWORD,
  demo,
  expectSignInPage,
  roleLabels,
  roles,
  signInHeading,
  submitSignIn,
  type Role,
} from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** Links of the "Area riservata" navigation for each role (staff area contract). */
const navLinks: Record<Role, string[]> = {
  admin: [
    'Bacheca',
    'Segnalazioni',
    'Chat',
    'Allerte',
    'Notizie',
    'Eventi',
    'Campagne',
    'Invii',
    'Uffici',
    'Zone e aree di attesa',
    'Argomenti',
    'Personale',
    'Open311',
    'Registro attività',
  ],
  operator: ['Bacheca', 'Segnalazioni', 'Chat', 'Notizie', 'Eventi', 'Campagne', 'Invii', 'Uffici'],
  office: ['Bacheca', 'Segnalazioni', 'Chat', 'Uffici'],
  civil_protection: ['Bacheca', 'Allerte', 'Invii'],
}

test.describe('staff sign in and out', () => {
  for (const role of roles) {
    test(`${role} signs in, sees the dashboard for the role, and signs out`, async ({ page }) => {
      const account = demo[role]

      await page.goto('/admin')
      await expectSignInPage(page)
      await expectNoAxeViolations(page, { label: 'sign-in page' })

      await submitSignIn(page, account.email, DEMO_PASSWORD)
      await expect(page).toHaveURL(/\/admin$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Bacheca' })).toBeVisible()
      await expect(page.getByText(`${account.name} · ${roleLabels[role]}`)).toBeVisible()

      const nav = page.getByRole('navigation', { name: 'Area riservata' })
      await expect(nav).toBeVisible()
      await expect(nav.getByRole('link')).toHaveText(navLinks[role])
      await expectNoAxeViolations(page, { label: `dashboard (${role})` })

      await page.getByRole('button', { name: 'Esci' }).click()
      await expectSignInPage(page)
      await expect(page.getByText('Sei uscito dall’area riservata.')).toBeVisible()
      await expectNoAxeViolations(page, { label: 'signed-out page' })

      // The session is gone: the staff area sends the person back to sign in.
      await page.goto('/admin')
      await expectSignInPage(page)
    })
  }

  test('a wrong password is refused', async ({ page }) => {
    await page.goto('/admin/accedi')
    await submitSignIn(page, demo.operator.email, 'not-the-password-123')
    await expect(alerts(page)).toHaveText('Email o password non corretti.')
    await expect(page).toHaveURL(/\/admin\/accedi/)
    await expect(page.getByRole('heading', { level: 1, name: signInHeading })).toBeVisible()
    await expectNoAxeViolations(page, { label: 'sign-in page with error' })

    await page.goto('/admin')
    await expectSignInPage(page)
  })

  test('empty fields are explained next to each field', async ({ page }) => {
    await page.goto('/admin/accedi')
    await page.getByRole('button', { name: 'Accedi' }).click()
    await expect(page.getByText('Scrivi la tua email.')).toBeVisible()
    await expect(page.getByText('Scrivi la password.')).toBeVisible()
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true')
    await expect(alerts(page)).toBeVisible()
    await expectNoAxeViolations(page, { label: 'sign-in page with field errors' })
  })

  for (const path of [
    '/admin',
    '/admin/personale',
    '/admin/uffici',
    '/admin/registro',
    '/admin/personale/nuovo',
  ]) {
    test(`${path} without a session redirects to the sign-in page`, async ({ page }) => {
      await page.goto(path)
      await expectSignInPage(page)
    })
  }
})
