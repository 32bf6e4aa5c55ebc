import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** A datetime-local value on Rome's clock, as the composer reads it. */
function romeLocal(instant: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
  return parts.replace(' ', 'T')
}

test('civil protection drafts a red alert, a second person approves it, citizens see it until it ends', async ({ pageAs, newAnonymousPage }) => {
  const title = `Temporali violenti ${unique('e2e')}`

  // Civil protection drafts on a phone-sized screen.
  const pc = await pageAs('civil_protection')
  await pc.setViewportSize({ width: 360, height: 800 })
  await pc.goto('/admin/allerte')
  await expect(pc.getByRole('heading', { level: 1, name: 'Allerte' })).toBeVisible()
  await expectNoAxeViolations(pc, { label: 'alerts list (staff)' })
  await pc.getByRole('link', { name: 'Nuova allerta' }).click()
  await expect(pc.getByRole('heading', { level: 1, name: 'Nuova allerta' })).toBeVisible()
  await expect(pc.getByText(/Raggiungerà circa \d+ dispositivi/)).toBeVisible()
  await expectNoAxeViolations(pc, { label: 'composer at 360 px' })

  // Submitting an empty form explains each field.
  await pc.getByRole('button', { name: 'Salva la bozza' }).click()
  await expect(alerts(pc)).toHaveText('Controlla i campi evidenziati.')
  await expect(pc.getByText('Scegli il livello di allerta.')).toBeVisible()
  await expect(pc.getByLabel('Titolo')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(pc, { label: 'composer with errors' })

  await pc.getByLabel('Allerta ROSSA').check()
  await pc.getByLabel('Temporali').check()
  await pc.getByRole('button', { name: 'Inserisci le norme per i rischi scelti' }).click()
  await expect(pc.getByLabel('Cosa devono fare i cittadini')).toHaveValue(/Evita i sottopassi/)
  await pc.getByLabel('Fase operativa').selectOption({ label: 'Allarme' })
  const now = new Date()
  await pc.getByLabel('Valida dal').fill(romeLocal(now))
  await pc.getByLabel('Valida fino al').fill(romeLocal(new Date(now.getTime() + 6 * 3_600_000)))
  await pc.getByLabel('Titolo').fill(title)
  await pc.getByLabel('Descrizione della situazione').fill('Temporali di forte intensità attesi nel pomeriggio su tutto il territorio comunale.')
  await pc.getByLabel('Cosa sta facendo il Comune').fill('Il Centro operativo comunale è aperto.')
  await pc.getByLabel('Emessa da').fill('Sindaco')
  const preview = pc.getByRole('region', { name: 'Anteprima della notifica' })
  await expect(preview).toContainText(`Allerta ROSSA: ${title}`)
  await expect(preview).toContainText('Evita i sottopassi')
  await expectNoAxeViolations(pc, { label: 'composer filled in' })

  await pc.getByRole('button', { name: 'Salva la bozza' }).click()
  await expect(pc).toHaveURL(/\/admin\/allerte\/[0-9a-f-]{36}\?creata=1$/)
  const alertPath = new URL(pc.url()).pathname
  const alertId = alertPath.split('/').pop()!
  await expect(pc.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(pc.getByRole('status').filter({ hasText: 'Bozza salvata.' })).toBeVisible()
  await expect(pc.getByText('Stato: Bozza')).toBeVisible()

  // Red needs a second person: the drafter's request only asks for approval.
  await pc.getByRole('button', { name: 'Invia per l’approvazione' }).click()
  await expect(pc.getByRole('status').filter({ hasText: 'Allerta inviata per l’approvazione.' })).toBeVisible()
  await expect(pc.getByText('Stato: In attesa di approvazione')).toBeVisible()
  await expect(pc.getByRole('button', { name: 'Approva e pubblica' })).toHaveCount(0)
  await expectNoAxeViolations(pc, { label: 'alert pending approval (drafter)' })

  // The admin approves and publishes.
  const admin = await pageAs('admin')
  await admin.goto('/admin/allerte')
  await admin.getByRole('region', { name: 'Allerte: In attesa di approvazione' }).getByRole('link', { name: title }).click()
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'alert pending approval (admin)' })
  await admin.getByRole('button', { name: 'Approva e pubblica' }).click()
  await expect(admin.getByRole('status').filter({ hasText: /Allerta pubblicata: raggiunge \d+ cittadini\./ })).toBeVisible()
  await expect(admin.getByText('Stato: In corso')).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'alert published' })

  // The CAP document of the first message is valid XML of type Alert.
  const capLink = admin.getByRole('link', { name: /\.1$/ })
  const capHref = await capLink.getAttribute('href')
  expect(capHref).toMatch(/^\/cap\/alerts\/.+\.1\.xml$/)
  const cap = await admin.request.get(capHref!)
  expect(cap.ok()).toBe(true)
  expect(await cap.text()).toContain('<msgType>Alert</msgType>')

  // A citizen sees the banner and opens the alert.
  const citizen = await newAnonymousPage()
  await citizen.goto('/')
  const banner = citizen.getByRole('region', { name: `Allerta ROSSA: ${title}` })
  await expect(banner).toBeVisible()
  await expectNoAxeViolations(citizen, { label: 'home with red alert' })
  await banner.getByRole('link').click()
  await expect(citizen).toHaveURL(new RegExp(`/allerte/${alertId}$`))
  await expect(citizen.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(citizen.getByText('Evita i sottopassi').first()).toBeVisible()
  await expectNoAxeViolations(citizen, { label: 'public alert page' })

  // Civil protection ends it; the confirmation is required.
  await pc.goto(alertPath)
  await expect(pc.getByText('Stato: In corso')).toBeVisible()
  await pc.getByRole('button', { name: 'Cessata allerta' }).click()
  await expect(pc.getByText('Spunta la casella per confermare la cessata allerta.')).toBeVisible()
  await pc.getByLabel('Confermo la cessata allerta').check()
  await pc.getByRole('button', { name: 'Cessata allerta' }).click()
  await expect(pc.getByRole('status').filter({ hasText: 'Cessata allerta pubblicata.' })).toBeVisible()
  await expect(pc.getByText('Stato: Cessata')).toBeVisible()
  await expect(pc.getByRole('link', { name: /\.2$/ })).toBeVisible()
  await expectNoAxeViolations(pc, { label: 'alert ended' })

  await citizen.goto('/')
  await expect(citizen.getByRole('region', { name: `Allerta ROSSA: ${title}` })).toHaveCount(0)
})
