import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import {
  createAccount,
  expectSignInPage,
  newAccount,
  roleLabels,
  signIn,
  submitSignIn,
} from './fixtures/staff'
import { expect, test } from './fixtures/test'

test.describe('admin manages staff accounts', () => {
  test('the staff list and the new-account form', async ({ pageAs }) => {
    const admin = await pageAs('admin')
    await admin.goto('/admin/personale')
    await expect(admin.getByRole('heading', { level: 1, name: 'Personale' })).toBeVisible()
    const table = admin.getByRole('table')
    await expect(table).toBeVisible()
    await expect(
      table.getByRole('row').filter({ hasText: 'admin@comune.esempio.it' }),
    ).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'staff list' })

    await admin.getByRole('link', { name: 'Nuovo account' }).click()
    await expect(admin).toHaveURL(/\/admin\/personale\/nuovo$/)
    await expect(admin.getByRole('heading', { level: 1, name: 'Nuovo account' })).toBeVisible()
    const roleSelect = admin.getByLabel('Ruolo')
    for (const label of Object.values(roleLabels)) {
      await expect(roleSelect.getByRole('option', { name: label, exact: true })).toBeAttached()
    }
    await expect(
      admin
        .getByLabel('Ufficio', { exact: true })
        .getByRole('option', { name: 'Lavori pubblici e manutenzioni' }),
    ).toBeAttached()
    await expectNoAxeViolations(admin, { label: 'new account form' })

    // A short password is refused and nothing is created.
    const account = newAccount()
    await admin.getByLabel('Nome e cognome').fill(account.name)
    await admin.getByLabel('Email').fill(account.email)
    await admin.getByLabel('Ruolo').selectOption({ label: roleLabels.operator })
    await admin.getByLabel('Password iniziale').fill('corta')
    await admin.getByRole('button', { name: 'Crea account' }).click()
    await expect(alerts(admin)).toBeVisible()
    await expect(admin.getByLabel('Password iniziale')).toHaveAttribute('aria-invalid', 'true')
    await expect(admin).toHaveURL(/\/admin\/personale\/nuovo$/)
    await expectNoAxeViolations(admin, { label: 'new account form with errors' })
    await admin.goto('/admin/personale')
    await expect(admin.getByRole('table').getByText(account.email)).toHaveCount(0)
  })

  test('a deactivated account loses its open session at once', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    const admin = await pageAs('admin')
    const account = newAccount()
    const memberPath = await createAccount(admin, account)
    await expectNoAxeViolations(admin, { label: 'account page, just created' })

    // The new person signs in on their own device.
    const person = await newAnonymousPage()
    await signIn(person, account.email, account.password)
    await expect(person.getByText(`${account.name} · ${roleLabels.operator}`)).toBeVisible()

    // The admin deactivates the account.
    await admin.getByRole('button', { name: 'Disattiva account' }).click()
    await expect(
      admin.getByRole('status').filter({ hasText: 'Account disattivato.' }),
    ).toBeVisible()
    await expect(admin.getByRole('button', { name: 'Riattiva account' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'account page, deactivated' })

    // The person's open session no longer works…
    await person.reload()
    await expectSignInPage(person)
    await expectNoAxeViolations(person, { label: 'sign-in page after the session ended' })

    // …and they cannot sign in again.
    await submitSignIn(person, account.email, account.password)
    await expect(alerts(person)).toHaveText('Email o password non corretti.')

    // The list shows the account as deactivated.
    await admin.goto('/admin/personale')
    await expect(admin.getByRole('row').filter({ hasText: account.email })).toContainText(
      'Disattivato',
    )

    // Reactivated, the person can sign in again.
    await admin.goto(memberPath)
    await admin.getByRole('button', { name: 'Riattiva account' }).click()
    await expect(admin.getByRole('button', { name: 'Disattiva account' })).toBeVisible()
    await signIn(person, account.email, account.password)
  })

  test('an admin changes the role and office of an account', async ({ pageAs }) => {
    const admin = await pageAs('admin')
    const account = newAccount()
    const memberPath = await createAccount(admin, account)

    await admin.getByLabel('Ruolo').selectOption({ label: roleLabels.office })
    await admin
      .getByLabel('Ufficio', { exact: true })
      .selectOption({ label: 'Ambiente e verde pubblico' })
    await admin.getByRole('button', { name: 'Salva modifiche' }).click()
    await expect(admin.getByRole('status').filter({ hasText: 'Modifiche salvate.' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'account page, role changed' })

    await admin.goto(memberPath)
    await expect(admin.getByLabel('Ruolo')).toHaveValue('office')
    await expect(admin.getByLabel('Ufficio', { exact: true }).locator('option:checked')).toHaveText(
      'Ambiente e verde pubblico',
    )
  })

  test('the activity log records sign-ins, failures, creations and deactivations', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    const admin = await pageAs('admin')
    const account = newAccount()
    await createAccount(admin, account)

    const person = await newAnonymousPage()
    await person.goto('/admin/accedi')
    await submitSignIn(person, account.email, 'wrong-password-0000')
    await expect(alerts(person)).toHaveText('Email o password non corretti.')
    await signIn(person, account.email, account.password)

    await admin.getByRole('button', { name: 'Disattiva account' }).click()
    await expect(
      admin.getByRole('status').filter({ hasText: 'Account disattivato.' }),
    ).toBeVisible()

    await admin.goto('/admin/registro')
    await expect(admin.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible()
    const rows = admin.getByRole('table').getByRole('row')
    const rowsAbout = (action: string) =>
      rows
        .filter({ has: admin.getByRole('cell', { name: action, exact: true }) })
        .filter({ hasText: account.email })
    await expect(rowsAbout('Account creato')).toHaveCount(1)
    await expect(rowsAbout('Accesso non riuscito')).toHaveCount(1)
    await expect(rowsAbout('Accesso')).toHaveCount(1)
    await expect(rowsAbout('Account disattivato')).toHaveCount(1)
    await expectNoAxeViolations(admin, { label: 'activity log' })
  })
})
