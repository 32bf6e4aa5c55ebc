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

/**
 * The "Area riservata" navigation for each role (staff area contract): Bacheca, then the
 * labelled sections the role has something in, each with exactly the links the role may use.
 */
const navSections: Record<Role, Array<[string, string[]]>> = {
  admin: [
    ['Comunicazione', ['Notizie', 'Eventi', 'Campagne', 'Invii']],
    ['Segnalazioni e chat', ['Segnalazioni', 'Chat', 'Uffici']],
    ['Protezione civile', ['Allerte', 'Zone e aree di attesa']],
    ['Amministrazione', ['Argomenti', 'Categorie segnalazioni', 'Personale', 'Open311', 'Registro attività']],
  ],
  operator: [
    ['Comunicazione', ['Notizie', 'Eventi', 'Campagne', 'Invii']],
    ['Segnalazioni e chat', ['Segnalazioni', 'Chat', 'Uffici']],
  ],
  office: [['Segnalazioni e chat', ['Segnalazioni', 'Chat', 'Uffici']]],
  civil_protection: [
    ['Comunicazione', ['Invii']],
    ['Protezione civile', ['Allerte']],
  ],
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
      await expect(nav.getByRole('link')).toHaveText(['Bacheca', ...navSections[role].flatMap(([, links]) => links)])
      // Bacheca's own list, then one named list per section: no other section, no other link.
      await expect(nav.getByRole('list')).toHaveCount(1 + navSections[role].length)
      for (const [section, links] of navSections[role]) {
        await expect(nav.getByRole('list', { name: section }).getByRole('link')).toHaveText(links)
      }
      // On a desk (1280 px) the admin's five groups take two rows: both rows start at the same edge,
      // with no divider left hanging at the start of the second one.
      const rowStarts = await nav.evaluate((el) => {
        const starts = new Map<number, number>()
        for (const group of Array.from(el.querySelectorAll('[data-nav-group]'))) {
          // Groups sit on their row's baseline (items-end): Bacheca has no group name above it.
          const row = Math.round(group.getBoundingClientRect().bottom)
          const firstLink = group.querySelector('a')?.getBoundingClientRect().left ?? Infinity
          starts.set(row, Math.min(starts.get(row) ?? Infinity, Math.round(firstLink)))
        }
        return [...starts.values()]
      })
      expect(new Set(rowStarts).size, `row starts ${rowStarts.join(', ')}`).toBe(1)
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

  test('on a 360 px phone the navigation folds behind a Menu button and works with the keyboard alone', async ({ pageAs }) => {
    const admin = await pageAs('admin')
    await admin.setViewportSize({ width: 360, height: 740 })
    await admin.goto('/admin')
    await expect(admin.getByRole('heading', { level: 1, name: 'Bacheca' })).toBeVisible()
    const nav = admin.getByRole('navigation', { name: 'Area riservata' })
    const menu = nav.getByRole('button', { name: 'Menu' })
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(nav.getByRole('link')).toHaveCount(0)
    await expectNoAxeViolations(admin, { label: 'dashboard at 360 px, menu closed' })

    await menu.focus()
    await admin.keyboard.press('Enter')
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(nav.getByRole('list', { name: 'Amministrazione' }).getByRole('link')).toHaveText(['Argomenti', 'Categorie segnalazioni', 'Personale', 'Open311', 'Registro attività'])
    // Nothing sticks out sideways: no horizontal scrolling on the phone.
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectNoAxeViolations(admin, { label: 'dashboard at 360 px, menu open' })

    // Escape closes it and gives focus back to the button.
    await admin.keyboard.press('Tab')
    await expect(nav.getByRole('link', { name: 'Bacheca' })).toBeFocused()
    await admin.keyboard.press('Escape')
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(menu).toBeFocused()

    // Open again and Tab through the sections to Registro attività.
    await admin.keyboard.press('Enter')
    const target = nav.getByRole('link', { name: 'Registro attività' })
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) await admin.keyboard.press('Tab')
    await expect(target).toBeFocused()
    await admin.keyboard.press('Enter')
    await expect(admin.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
  })

  test('a wrong password is refused', async ({ page }) => {
    await page.goto('/admin/accedi')
    await submitSignIn(page, demo.operator.email, 'not-the-password-123')
    await expect(alerts(page)).toHaveText('Email o password non corretti.')
    await expect(page).toHaveURL(/\/admin\/accedi/)
    await expect(page.getByRole('heading', { level: 1, name: signInHeading })).toBeVisible()
    // The page names the Comune, and says where a forgotten password is answered.
    await expect(page.getByText('Filo · Comune di Esempio')).toBeVisible()
    await expect(page.getByText(/Password dimenticata\? Chiedi a un amministratore/)).toBeVisible()
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
