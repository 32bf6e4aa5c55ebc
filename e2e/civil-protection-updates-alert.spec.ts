import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'
import { romeLocal } from './fixtures/clock'

test('civil protection publishes a yellow alert and updates it; the update is a CAP Update citizens see', async ({ pageAs, newAnonymousPage }) => {
  test.setTimeout(120_000)
  const title = `Vento forte ${unique('e2e')}`
  const pc = await pageAs('civil_protection')
  await pc.goto('/admin/allerte/nuova')
  await expect(pc.getByRole('heading', { level: 1, name: 'Nuova allerta' })).toBeVisible()
  await pc.getByLabel('Allerta GIALLA').check()
  await pc.getByLabel('Vento').check()
  await pc.getByLabel('Cosa devono fare i cittadini').fill('Fissa gli oggetti sui balconi.')
  const now = new Date()
  await pc.getByLabel('Valida dal').fill(romeLocal(now))
  await pc.getByLabel('Valida fino al').fill(romeLocal(new Date(now.getTime() + 6 * 3_600_000)))
  await pc.getByLabel('Titolo').fill(title)
  await pc.getByLabel('Descrizione della situazione').fill('Raffiche fino a 70 km/h nel pomeriggio.')
  await pc.getByLabel('Emessa da').fill('Sindaco')
  await pc.getByRole('button', { name: 'Salva la bozza' }).click()
  await expect(pc.getByText('Stato: Bozza')).toBeVisible()
  await pc.getByRole('button', { name: 'Pubblica' }).click()
  await expect(pc.getByText('Stato: In corso')).toBeVisible()

  // The update: new text and validity, same level: published at once.
  const updated = `${title} – in calo`
  const form = pc.locator('form').filter({ has: pc.getByRole('heading', { name: 'Aggiorna l’allerta' }) })
  await expectNoAxeViolations(pc, { label: 'alert in force with the update form' })
  await form.getByLabel('Titolo').fill(updated)
  await form.getByLabel('Descrizione della situazione').fill('Il vento sta calando; raffiche ancora possibili fino a sera.')
  await form.getByLabel('Valida fino al').fill(romeLocal(new Date(now.getTime() + 8 * 3_600_000)))
  await form.getByRole('button', { name: 'Invia l’aggiornamento' }).click()
  await expect(pc.getByRole('status').filter({ hasText: /Aggiornamento pubblicato: raggiunge \d+ cittadini\./ })).toBeVisible()
  await expect(pc.getByRole('heading', { level: 1, name: updated })).toBeVisible()
  await expect(pc.getByText(/\.2 · Aggiornamento ·/)).toBeVisible()
  await expectNoAxeViolations(pc, { label: 'alert updated' })
  const capHref = await pc.getByRole('link', { name: /\.2$/ }).getAttribute('href')
  const cap = await (await pc.request.get(capHref!)).text()
  expect(cap).toContain('<msgType>Update</msgType>')
  expect(cap).toMatch(/<references>[^<]*\.1,/)
  const feed = await (await pc.request.get('/cap/alerts.atom')).text()
  expect(feed).toContain(capHref!)
  expect(feed).not.toContain(capHref!.replace(/\.2\.xml$/, '.1.xml'))

  const citizen = await newAnonymousPage()
  await citizen.goto(new URL(pc.url()).pathname.replace('/admin', ''))
  await expect(citizen.getByRole('heading', { level: 1, name: updated })).toBeVisible()
  await expectNoAxeViolations(citizen, { label: 'updated alert, citizen page' })

  // The dashboard shows it in force.
  await pc.goto('/admin')
  await expect(pc.getByRole('region', { name: 'Allerte in corso' }).getByRole('link', { name: updated })).toBeVisible()
  await expectNoAxeViolations(pc, { label: 'dashboard with an alert in force' })

  // Raising it to orange needs a second person. The request can be withdrawn, never overwritten.
  const alertPath = new URL(citizen.url()).pathname.replace('/allerte', '/admin/allerte')
  const raise = async (headline: string) => {
    await pc.goto(alertPath)
    await form.getByLabel('Livello').selectOption({ label: 'Allerta ARANCIONE' })
    await form.getByLabel('Titolo').fill(headline)
    await form.getByRole('button', { name: 'Invia l’aggiornamento' }).click()
    await expect(pc.getByRole('status').filter({ hasText: 'Aggiornamento inviato per l’approvazione.' })).toBeVisible()
  }
  await raise(`${title} – raffiche più forti`)
  await expect(pc.getByRole('heading', { name: 'Aggiornamento in attesa di approvazione' })).toBeVisible()
  await expect(form).toHaveCount(0)
  await pc.getByRole('button', { name: 'Ritira l’aggiornamento' }).click()
  await expect(pc.getByRole('status').filter({ hasText: 'Aggiornamento ritirato: non è stato inviato nulla.' })).toBeVisible()
  const orange = `${title} – allerta arancione`
  await raise(orange)

  // The admin reads the citizens' page as it will be, and how many phones it wakes, then approves.
  const admin = await pageAs('admin')
  await admin.goto(alertPath)
  await expect(admin.getByText(/L’aggiornamento raggiungerà circa \d+ dispositiv[oi]/)).toBeVisible()
  const preview = admin.getByRole('region', { name: 'Anteprima della pagina per i cittadini' })
  await expect(preview.getByRole('heading', { name: orange })).toBeVisible()
  await expect(preview.getByText('Allerta ARANCIONE', { exact: true })).toBeVisible()
  await expectNoAxeViolations(admin, { label: 'update waiting for approval (admin)' })
  await admin.getByRole('button', { name: 'Approva e pubblica l’aggiornamento' }).click()
  await expect(admin.getByRole('status').filter({ hasText: /Aggiornamento pubblicato: raggiunge \d+ cittadini\./ })).toBeVisible()
  await expect(admin.getByRole('heading', { level: 1, name: orange })).toBeVisible()
})
