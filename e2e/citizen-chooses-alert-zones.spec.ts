import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { stubPushManager } from './fixtures/push-device'
import { messageTitled, messagesFor, newSinkSubscription } from './fixtures/push-sink'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'
import { romeLocal } from './fixtures/clock'

/** Presses Tab (only the keyboard moves focus) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`)
}

/** Civil protection publishes a yellow alert (one person is enough) on one standing zone. */
async function publishYellowAlert(pc: Page, title: string, zone: string): Promise<string> {
  await pc.goto('/admin/allerte/nuova')
  await expect(pc.getByRole('heading', { level: 1, name: 'Nuova allerta' })).toBeVisible()
  await pc.getByLabel('Allerta GIALLA').check()
  await pc.getByLabel('Idraulico').check()
  await pc.getByLabel('Cosa devono fare i cittadini').fill('Non scendere in cantine, garage e sottopassi.')
  const now = new Date()
  await pc.getByLabel('Valida dal').fill(romeLocal(now))
  await pc.getByLabel('Valida fino al').fill(romeLocal(new Date(now.getTime() + 3 * 3_600_000)))
  await pc.getByRole('group', { name: 'Zone interessate' }).getByLabel(zone).check()
  await pc.getByLabel('Titolo').fill(title)
  await pc.getByLabel('Descrizione della situazione').fill('Il livello del fiume è in aumento.')
  await pc.getByLabel('Emessa da').fill('Sindaco')
  await pc.getByRole('button', { name: 'Salva la bozza' }).click()
  await expect(pc.getByText('Stato: Bozza')).toBeVisible()
  await pc.getByRole('button', { name: 'Pubblica', exact: true }).click()
  await expect(pc.getByText('Stato: In corso')).toBeVisible()
  return new URL(pc.url()).pathname.replace('/admin', '')
}

/** The alerts banner is in view without scrolling and comes before the page's title; `headline`'s alert is in it. */
async function expectBannerFirst(page: Page, headline: string): Promise<void> {
  const banner = page.getByRole('region', { name: 'Allerte di protezione civile' })
  await expect(banner).toBeInViewport()
  const alert = banner.getByRole('region', { name: `Allerta GIALLA: ${headline}` })
  await expect(alert).toBeVisible()
  await expect(alert.getByText('Allerta GIALLA', { exact: true })).toBeVisible()
  const [top, title] = await Promise.all([banner.boundingBox(), page.getByRole('heading', { level: 1 }).boundingBox()])
  expect(top!.y, 'the banner comes before the title').toBeLessThan(title!.y)
}

test('a citizen chooses the zone they live in, with the keyboard, and gets the alerts for that zone only, under the banner of the alerts in force', async ({ browser, pageAs }) => {
  test.setTimeout(150_000)
  const device = await newSinkSubscription()
  const phone = await browser.newContext({ viewport: { width: 360, height: 800 } })
  await stubPushManager(phone, device)
  const page = await phone.newPage()
  await page.goto('/impostazioni')
  const zones = page.getByRole('region', { name: 'Le tue zone' })
  await expect(zones.getByText('Per scegliere le zone attiva prima le notifiche')).toBeVisible()

  // Notifications on, with the keyboard alone.
  const push = page.locator('[data-push-state]')
  await expect(push).toHaveAttribute('data-push-state', 'off')
  await tabTo(page, push.getByLabel('Ho letto l’informativa sulla privacy'))
  await page.keyboard.press('Space')
  await tabTo(page, push.getByRole('button', { name: 'Attiva le notifiche' }))
  await page.keyboard.press('Enter')
  await expect(push).toHaveAttribute('data-push-state', 'on')

  // The zone question, in plain words, then the choice made and saved with the keyboard.
  const question = zones.getByRole('group', { name: 'In quale zona abiti o lavori?' })
  await expect(question).toBeVisible()
  await expect(zones.getByText('Se non scegli nessuna zona li riceverai tutti.')).toBeVisible()
  await expect(zones.getByText('Non hai scelto nessuna zona: riceverai gli avvisi per tutto il Comune.')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'settings with the zone choice (phone)' })
  await tabTo(page, question.getByRole('checkbox', { name: /Centro storico/ }))
  await page.keyboard.press('Space')
  await tabTo(page, zones.getByRole('button', { name: 'Salva le zone' }))
  await page.keyboard.press('Enter')
  await expect(zones.getByRole('status')).toHaveText('Zone salvate.')
  await expect(question.getByRole('checkbox', { name: /Centro storico/ })).toBeChecked()
  await expect(question.getByRole('checkbox', { name: /Piana del fiume/ })).not.toBeChecked()
  await expect(zones.getByText('Hai scelto: Centro storico.')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'settings with a zone chosen (phone)' })

  // A zone that is not (or no longer) in the plan: refused in plain words, the choice kept.
  await question.getByRole('checkbox', { name: /Piana del fiume/ }).evaluate((box: HTMLInputElement) => {
    box.value = '987654'
    box.checked = true
  })
  await zones.getByRole('button', { name: 'Salva le zone' }).click()
  await expect(zones.getByRole('alert')).toHaveText(/Una delle zone scelte non esiste più: ricarica la pagina e scegli di nuovo\. Non abbiamo cambiato niente\./)
  await expect(zones.getByText('Hai scelto: Centro storico.')).toBeVisible()
  await expect(question.getByRole('checkbox', { name: /Piana del fiume/ })).not.toBeChecked()
  await expectNoAxeViolations(page, { label: 'settings with a refused zone (phone)' })

  // An alert on the other zone does not reach this phone; one on the chosen zone does.
  const pc = await pageAs('civil_protection')
  const elsewhere = `Fiume alto nella piana ${unique('e2e')}`
  const here = `Sottopasso allagato in centro ${unique('e2e')}`
  await publishYellowAlert(pc, elsewhere, 'Piana del fiume')
  const herePath = await publishYellowAlert(pc, here, 'Centro storico')
  expect(await messageTitled(device.endpoint, `Allerta GIALLA: ${here}`), 'the alert on the chosen zone reached the phone').toBeDefined()
  const titles = (await messagesFor(device.endpoint, 0, 0)).map((m) => (JSON.parse(m.payload ?? '{}') as { title?: string }).title)
  expect(titles).not.toContain(`Allerta GIALLA: ${elsewhere}`)

  // While in force, the alerts head the home: on the first screen of a phone, above the title,
  // level in words next to its colour.
  await page.goto('/')
  await expectBannerFirst(page, here)
  await expectNoAxeViolations(page, { label: 'home with alerts in force (phone)' })

  // The inbox has the one for the chosen zone only, under the same banner.
  await page.goto('/notifiche')
  await expectBannerFirst(page, here)
  const inbox = page.getByTestId('inbox')
  await expect(inbox.getByText(`Allerta GIALLA: ${here}`)).toBeVisible()
  await expect(inbox.getByText(`Allerta GIALLA: ${elsewhere}`)).toHaveCount(0)
  await expectNoAxeViolations(page, { label: 'inbox with a zone alert (phone)' })

  // The alert page says the risk and keeps the list of what was published, with the time.
  await page.getByRole('region', { name: 'Allerte di protezione civile' }).getByRole('region', { name: `Allerta GIALLA: ${here}` }).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`${herePath}$`))
  await expect(page.getByText('Rischio: Idraulico')).toBeVisible()
  const history = page.getByRole('region', { name: 'Aggiornamenti' })
  await expect(history.getByRole('listitem')).toHaveCount(1)
  await expect(history.getByRole('listitem')).toContainText('Allerta emessa')

  // Civil protection updates it: the citizen sees when, and what changed.
  const update = pc.locator('form').filter({ has: pc.getByRole('heading', { name: 'Aggiorna l’allerta' }) })
  await update.getByLabel('Descrizione della situazione').fill('L’acqua nel sottopasso sta calando.')
  await update.getByLabel('Valida fino al').fill(romeLocal(new Date(Date.now() + 5 * 3_600_000)))
  await update.getByRole('button', { name: 'Invia l’aggiornamento' }).click()
  await expect(pc.getByRole('status').filter({ hasText: /Aggiornamento pubblicato/ })).toBeVisible()
  await page.reload()
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').nth(1)).toContainText(/Aggiornamento: situazione aggiornata; valida fino al \d/)
  await expect(history.getByRole('listitem').nth(1).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  await expectNoAxeViolations(page, { label: 'alert page with its updates (phone)' })
  await phone.close()
})
