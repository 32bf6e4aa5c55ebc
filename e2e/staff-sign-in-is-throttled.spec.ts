import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import { MAX_FAILURES_PER_ACCOUNT, createAccount, newAccount, submitSignIn } from './fixtures/staff'
import { expect, test } from './fixtures/test'

test('after too many wrong passwords even the right one is refused for a while', async ({
  pageAs,
  page,
}) => {
  // A dedicated account, so no other journey meets its lock.
  const admin = await pageAs('admin')
  const account = newAccount()
  await createAccount(admin, account)

  await page.goto('/admin/accedi')
  for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
    await submitSignIn(page, account.email, `wrong-password-${attempt}`)
    await expect(alerts(page), `attempt ${attempt}`).toHaveText('Email o password non corretti.')
    // The button reads "Accedi" again once the answer is in: one attempt at a time.
    await expect(page.getByRole('button', { name: 'Accedi' })).toBeEnabled()
  }

  await submitSignIn(page, account.email, account.password)
  await expect(alerts(page)).toHaveText(/^Troppi tentativi di accesso non riusciti/)
  await expect(page).toHaveURL(/\/admin\/accedi/)
  await expectNoAxeViolations(page, { label: 'sign-in page, throttled' })

  // Nothing was let in.
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/accedi/)
})
