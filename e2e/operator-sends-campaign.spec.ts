import { expectNoAxeViolations } from './fixtures/axe'
import { messageTitled, newSinkSubscription } from './fixtures/push-sink'
import { stubPushManager } from './fixtures/push-device'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'
import { romeLocal } from './fixtures/clock'

test('an operator schedules a campaign with a preview and the devices it will reach, then cancels it', async ({ pageAs }) => {
  const operator = await pageAs('operator')
  await operator.goto('/admin/campagne')
  await expect(operator.getByRole('heading', { level: 1, name: 'Campagne' })).toBeVisible()
  await expectNoAxeViolations(operator, { label: 'campaigns list' })

  // Scheduled for later, then cancelled before it goes out.
  const later = unique('Concerto rinviato')
  await operator.getByRole('link', { name: 'Nuova campagna' }).click()
  await expect(operator.getByRole('heading', { level: 1, name: 'Nuova campagna' })).toBeVisible()
  await expectNoAxeViolations(operator, { label: 'campaign composer' })
  await operator.getByRole('button', { name: 'Invia ora' }).click()
  await expect(operator.getByText('Scegli almeno un argomento.')).toBeVisible()
  await operator.getByLabel('Titolo della notifica').fill(later)
  await operator.getByLabel('Messaggio').fill('Il concerto di sabato è rinviato a domenica alle 21.')
  await operator.getByRole('checkbox', { name: /^Eventi/ }).check()
  await expect(operator.getByText(/Raggiungerà \d+ dispositiv/)).toBeVisible()
  const preview = operator.getByRole('region', { name: 'Anteprima della notifica' })
  await expect(preview).toContainText(later)
  await expect(preview).toContainText('rinviato a domenica')
  await operator.getByLabel('Più tardi, alla data e ora indicate').check()
  await operator.getByLabel('Data e ora dell’invio').fill(romeLocal(new Date(Date.now() + 2 * 3_600_000)))
  await expectNoAxeViolations(operator, { label: 'campaign composer filled in' })
  await operator.getByRole('button', { name: 'Programma l’invio' }).click()
  await expect(operator.getByRole('status').filter({ hasText: 'Campagna programmata.' })).toBeVisible()
  await expect(operator.getByText('Stato: Programmata')).toBeVisible()
  await expectNoAxeViolations(operator, { label: 'campaign scheduled' })
  await operator.getByRole('button', { name: 'Annulla la campagna' }).click()
  await expect(operator.getByRole('status').filter({ hasText: 'Campagna annullata: non verrà inviata.' })).toBeVisible()
  await expect(operator.getByText('Stato: Annullata')).toBeVisible()
  await expectNoAxeViolations(operator, { label: 'campaign cancelled' })

  await operator.goto('/admin/campagne')
  await expect(operator.getByRole('row').filter({ hasText: later })).toContainText('Annullata')
})

test('an operator sends a campaign now: a subscribed citizen receives it and opens it, and the statistics show it', async ({ page, context, pageAs }) => {
  // A citizen turns on notifications and follows Eventi.
  const subscription = await newSinkSubscription()
  await stubPushManager(context, subscription)
  await page.goto('/impostazioni')
  const push = page.locator('[data-push-state]')
  // The settings are ready once the page knows this device has no subscription yet.
  await expect(push).toHaveAttribute('data-push-state', 'off')
  await push.getByLabel('Ho letto l’informativa sulla privacy').check()
  await push.getByRole('button', { name: 'Attiva le notifiche' }).click()
  await expect(push).toHaveAttribute('data-push-state', 'on')
  await page.getByRole('checkbox', { name: /Eventi/ }).check()
  await page.getByRole('button', { name: 'Salva gli argomenti' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Argomenti salvati.' })).toBeVisible()

  const operator = await pageAs('operator')
  // Sent now: the citizen's device gets it through the push service.
  const now = unique('Mercatino in piazza')
  await operator.goto('/admin/campagne/nuova')
  await expect(operator.getByRole('heading', { level: 1, name: 'Nuova campagna' })).toBeVisible()
  await operator.getByLabel('Titolo della notifica').fill(now)
  await operator.getByLabel('Messaggio').fill('Sabato e domenica il mercatino di Natale in piazza della Libertà.')
  await operator.getByLabel('Pagina che si apre toccando la notifica').fill('/eventi')
  await operator.getByRole('checkbox', { name: /^Eventi/ }).check()
  await operator.getByRole('button', { name: 'Invia ora' }).click()
  await expect(operator.getByRole('status').filter({ hasText: /Campagna inviata a [1-9]\d* dispositivi\./ })).toBeVisible()

  const message = await messageTitled(subscription.endpoint, now)
  expect(message, 'the sink received and decrypted the campaign').toBeDefined()
  expect(message!.vapid.valid).toBe(true)
  expect(JSON.parse(message!.payload!)).toMatchObject({ title: now, url: '/eventi', kind: 'campaign' })

  // Its statistics show it sent.
  const stats = operator.getByTestId('campaign-stats')
  await expect(async () => {
    await operator.reload()
    const sent = Number(await stats.locator('dt:text-is("Consegnate") + dd').innerText())
    expect(sent).toBeGreaterThanOrEqual(1)
  }).toPass({ timeout: 20_000 })
  await expectNoAxeViolations(operator, { label: 'campaign sent, statistics' })

  // The citizen opens it from the inbox: counted as opened.
  await page.goto('/notifiche')
  await page.getByRole('link', { name: new RegExp(now) }).click()
  await expect(page).toHaveURL(/\/eventi$/)
  await operator.reload()
  await expect(stats.locator('dt:text-is("Cittadini che l’hanno aperta") + dd')).toHaveText('1')

  await operator.goto('/admin/campagne')
  const row = operator.getByRole('row').filter({ hasText: now })
  await expect(row).toContainText('Inviata')
  await expectNoAxeViolations(operator, { label: 'campaigns list after sending' })
})

test('an operator moves the weekly events digest to Friday at 17 and switches it off and on, with the keyboard alone', async ({ pageAs }) => {
  const operator = await pageAs('operator')
  await operator.goto('/admin/campagne')
  await operator.getByRole('link', { name: /Riepilogo settimanale degli eventi/ }).focus()
  await operator.keyboard.press('Enter')
  await expect(operator.getByRole('heading', { level: 1, name: 'Riepilogo settimanale degli eventi' })).toBeVisible()
  await expectNoAxeViolations(operator, { label: 'digest settings' })
  const save = async () => {
    await operator.getByRole('button', { name: 'Salva' }).focus()
    await operator.keyboard.press('Enter')
  }
  try {
    await operator.getByLabel('Giorno').focus()
    await operator.getByLabel('Giorno').selectOption({ label: 'Venerdì' })
    await operator.getByLabel('Ora').selectOption({ label: '17:00' })
    await save()
    await expect(operator.getByRole('status')).toHaveText('Salvato: il riepilogo partirà ogni venerdì alle 17:00.')
    await expectNoAxeViolations(operator, { label: 'digest settings saved' })
    await operator.reload()
    await expect(operator.getByText('Adesso parte ogni venerdì alle 17:00.')).toBeVisible()

    await operator.getByRole('checkbox', { name: 'Invia il riepilogo settimanale' }).focus()
    await operator.keyboard.press('Space')
    await save()
    await expect(operator.getByRole('status')).toHaveText('Salvato: il riepilogo settimanale è disattivato.')
    await operator.reload()
    await expect(operator.getByText('Adesso è disattivato.')).toBeVisible()
    await expect(operator.getByRole('checkbox', { name: 'Invia il riepilogo settimanale' })).not.toBeChecked()
  } finally {
    // Back to the demo's Monday 8:00, switched on, whatever happened above.
    await operator.goto('/admin/campagne/riepilogo')
    await operator.getByRole('checkbox', { name: 'Invia il riepilogo settimanale' }).check()
    await operator.getByLabel('Giorno').selectOption({ label: 'Lunedì' })
    await operator.getByLabel('Ora').selectOption({ label: '8:00' })
    await save()
    await expect(operator.getByRole('status')).toHaveText('Salvato: il riepilogo partirà ogni lunedì alle 8:00.')
  }
})
