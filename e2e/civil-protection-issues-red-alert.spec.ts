import { expectNoAxeViolations } from './fixtures/axe'
import { deliverToServiceWorker, shownNotifications, stubPushManager } from './fixtures/push-device'
import { messageTitled, newSinkSubscription } from './fixtures/push-sink'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'
import { romeLocal } from './fixtures/clock'

test('civil protection drafts a red alert, a second person approves it, citizens see it until it ends', async ({ pageAs, newAnonymousPage, browser }) => {
  // A long journey (three people, a phone, offline and back) on two shared cores.
  test.setTimeout(180_000)
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

  // The first things asked are the level and the title, not ten fields further down.
  const firstFields = await pc
    .locator('form')
    .filter({ has: pc.getByRole('button', { name: 'Salva la bozza' }) })
    .locator('input:not([type=hidden]), select, textarea').evaluateAll((els) =>
    els.slice(0, 5).map((el) => el.getAttribute('name')),
  )
  expect(firstFields.indexOf('headline')).toBeGreaterThan(-1)
  expect(firstFields[0]).toBe('level')

  // Submitting an empty form lists every error at the top, in the form's order, and takes focus there.
  await pc.getByRole('button', { name: 'Salva la bozza' }).click()
  const summary = pc.getByRole('region', { name: /campi da correggere/ })
  await expect(summary).toBeFocused()
  const links = summary.getByRole('link')
  await expect(links.first()).toHaveText('Livello di allerta: Scegli il livello di allerta.')
  await expect(links.nth(1)).toHaveText(/^Titolo: Scrivi un titolo/)
  await expect(summary.getByRole('link', { name: /^Emessa da:/ })).toBeVisible()
  await expect(pc.getByText('Scegli il livello di allerta.').last()).toBeVisible()
  await expect(pc.getByLabel('Titolo')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(pc, { label: 'composer with errors' })
  // Each error leads to its field.
  await links.nth(1).click()
  await expect(pc.getByLabel('Titolo')).toBeFocused()
  await summary.getByRole('link', { name: /^Livello di allerta:/ }).press('Enter')
  await expect(pc.getByLabel('Allerta VERDE')).toBeFocused()

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
  await pc.getByLabel(/Area di attesa 1/).check()
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

  // A citizen's phone follows Protezione civile (the default topic) with notifications on.
  const device = await newSinkSubscription()
  const phone = await browser.newContext({ viewport: { width: 360, height: 800 } })
  await stubPushManager(phone, device)
  const citizenPhone = await phone.newPage()
  await citizenPhone.goto('/impostazioni')
  const push = citizenPhone.locator('[data-push-state]')
  await push.getByLabel('Ho letto l’informativa sulla privacy').check()
  await push.getByRole('button', { name: 'Attiva le notifiche' }).click()
  await expect(push).toHaveAttribute('data-push-state', 'on')
  await expect(citizenPhone.getByRole('checkbox', { name: /Protezione civile/ })).toBeChecked()
  await expectNoAxeViolations(citizenPhone, { label: 'settings with notifications on (phone)' })

  // The admin reads it as citizens will see it, with how many phones it wakes, and sends
  // it back: the area is too wide.
  const admin = await pageAs('admin')
  await admin.goto('/admin/allerte')
  await admin.getByRole('region', { name: 'Allerte: In attesa di approvazione' }).getByRole('link', { name: title }).click()
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(admin.getByText(/Raggiungerà circa \d+ dispositiv[oi] \(\d+ cittadin[oi] iscritt[oi] alla Protezione civile\)/)).toBeVisible()
  const pagePreview = admin.getByRole('region', { name: 'Anteprima della pagina per i cittadini' })
  await expect(pagePreview.getByRole('heading', { name: title })).toBeVisible()
  await expect(pagePreview.getByText('Tutto il territorio comunale', { exact: true })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'alert pending approval (admin)' })
  await admin.getByRole('button', { name: 'Rimanda indietro all’autore' }).click()
  await expect(admin.getByText('Scrivi perché la rimandi indietro (almeno 5 caratteri).')).toBeVisible()
  await admin.getByLabel('Cosa va corretto').fill('Limita l’allerta alla zona del torrente.')
  await admin.getByRole('button', { name: 'Rimanda indietro all’autore' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'Allerta rimandata all’autore' })).toBeVisible()
  await expect(admin.getByText('Stato: Bozza')).toBeVisible()

  // The author reads the note, draws the area by typing its corners, and submits again.
  await pc.goto(alertPath)
  await expect(pc.getByText('Limita l’allerta alla zona del torrente.')).toBeVisible()
  await pc.getByRole('link', { name: 'Modifica la bozza' }).click()
  await expect(pc.getByRole('heading', { level: 1, name: 'Modifica la bozza' })).toBeVisible()
  await expect(pc.getByLabel('Titolo')).toHaveValue(title)
  await expectNoAxeViolations(pc, { label: 'editing a returned draft' })
  await pc.getByLabel('Disegna un’area solo per questa allerta').check()
  await pc.getByLabel('Vertici dell’area').fill('43.470, 11.870\n43.470, 11.895\n43.485, 11.895\n43.485, 11.870')
  await expect(pc.getByText(/Raggiungerà circa \d+ dispositivi: chi ha scelto una zona toccata dall’area/)).toBeVisible()
  await pc.getByRole('button', { name: 'Salva le modifiche' }).click()
  await expect(pc.getByRole('status').filter({ hasText: 'Modifiche salvate' })).toBeVisible()
  await expect(pc.getByText(/Area disegnata sulla mappa \(4 vertici\), tocca: Centro storico/)).toBeVisible()
  await pc.getByRole('button', { name: 'Invia per l’approvazione' }).click()
  await expect(pc.getByText('Stato: In attesa di approvazione')).toBeVisible()

  // The admin approves what is on the page now.
  await admin.reload()
  // Other journeys may have drawn zones there too: Centro storico must be among those named.
  await expect(pagePreview.getByText(/^Comprende parte di: (.+, )?Centro storico(, .+)?\.$/)).toBeVisible()
  await expect(pagePreview.getByText('Tutto il territorio comunale', { exact: true })).toHaveCount(0)
  await admin.getByRole('button', { name: 'Approva e pubblica' }).click()
  await expect(admin.getByRole('status').filter({ hasText: /Allerta pubblicata: raggiunge \d+ cittadini\./ })).toBeVisible()
  await expect(admin.getByText('Stato: In corso')).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'alert published' })

  // The push reaches the phone: urgent, kept by the push service as long as the alert is
  // valid (6 hours, less the seconds gone since), under a Topic an update would reuse.
  const pushed = await messageTitled(device.endpoint, `Allerta ROSSA: ${title}`)
  expect(pushed, 'the sink received and decrypted the alert push').toBeDefined()
  expect(pushed!.vapid.valid).toBe(true)
  expect(pushed!.headers.urgency).toBe('high')
  expect(Number(pushed!.headers.ttl)).toBeGreaterThan(6 * 3600 - 15 * 60)
  expect(Number(pushed!.headers.ttl)).toBeLessThanOrEqual(6 * 3600)
  expect(pushed!.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
  const pushedPayload = JSON.parse(pushed!.payload!) as { title: string; url: string; kind: string }
  expect(pushedPayload).toMatchObject({ title: `Allerta ROSSA: ${title}`, url: `/allerte/${alertId}`, kind: 'alert' })

  // The real service worker shows it, and saves the alert page for when the network goes.
  await citizenPhone.goto('/privacy')
  await deliverToServiceWorker(citizenPhone, phone, pushed!.payload!)
  await expect.poll(() => shownNotifications(citizenPhone)).toContain(`Allerta ROSSA: ${title}`)
  await expectNoAxeViolations(citizenPhone, { label: 'privacy page (phone)' })

  // The banner is on the home at once.
  await citizenPhone.goto('/')
  await expect(citizenPhone.getByRole('region', { name: `Allerta ROSSA: ${title}` })).toBeVisible()
  await expectNoAxeViolations(citizenPhone, { label: 'home with red alert (phone)' })

  // No network: the alert, never opened on this phone, still opens, with its area di attesa.
  await phone.setOffline(true)
  await citizenPhone.goto(`/allerte/${alertId}`)
  await expect(citizenPhone.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(citizenPhone.getByText('Evita i sottopassi').first()).toBeVisible()
  await expect(citizenPhone.getByText(/Area di attesa 1/).first()).toBeVisible()
  await expectNoAxeViolations(citizenPhone, { label: 'alert page offline (phone)' })
  await citizenPhone.goto('/')
  await expect(citizenPhone.getByRole('region', { name: `Allerta ROSSA: ${title}` })).toBeVisible()
  await phone.setOffline(false)

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
  await expect(citizen.getByRole('img', { name: /la zona colorata è l’area dell’allerta/ })).toBeVisible()
  await expect(citizen.getByText(/^Comprende parte di: (.+, )?Centro storico(, .+)?\.$/)).toBeVisible()
  await expect(citizen.getByText('Tutto il territorio comunale', { exact: true })).toHaveCount(0)
  await expect(citizen.getByText('Fase di allarme')).toBeVisible()
  await expect(citizen.getByText('Il pericolo è in corso o imminente: segui subito le indicazioni.')).toBeVisible()
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
  // Its page now says first that it is over; nothing reads as a warning in force.
  await citizen.goto(`/allerte/${alertId}`)
  await expect(citizen.getByRole('status').filter({ hasText: 'Allerta terminata' })).toBeVisible()
  await expect(citizen.getByTestId('alert-level')).toHaveText('Livello che era in vigore: Allerta ROSSA')
  await expect(citizen.getByRole('heading', { name: 'Era indicato di' })).toBeVisible()
  await expect(citizen.getByText('Il pericolo è in corso o imminente')).toHaveCount(0)
  await expectNoAxeViolations(citizen, { label: 'public alert page, ended' })

  // The cessata allerta reaches the phone under the same Topic, so the push service
  // replaces the alert still waiting for a phone that was off, instead of adding to it.
  const ended = await messageTitled(device.endpoint, `Cessata allerta: ${title}`)
  expect(ended, 'the cessata allerta was pushed too').toBeDefined()
  expect(ended!.headers.topic).toBe(pushed!.headers.topic)
  expect(JSON.parse(ended!.payload!)).toMatchObject({ title: `Cessata allerta: ${title}` })
  await phone.close()
})
