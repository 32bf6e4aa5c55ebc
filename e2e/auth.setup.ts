import { test as setup } from '@playwright/test'
import { DEMO_PASSWORD, demo, roles, signIn, storageStatePath } from './fixtures/staff'

// Staff sign in once per run; journeys reuse the saved cookies (CONVENTIONS.md §10).
for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, demo[role].email, DEMO_PASSWORD)
    await page.context().storageState({ path: storageStatePath(role) })
  })
}
