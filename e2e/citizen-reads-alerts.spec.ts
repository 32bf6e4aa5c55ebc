import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

test('a citizen reads the alerts page and an ended alert, also offline', async ({ page, context }) => {
  await page.goto('/')
  // The demo's alert is over: it has no banner on the home. (Other journeys may have one in force.)
  await expect(page.getByRole('region', { name: 'Allerta GIALLA: Temporali forti nel pomeriggio' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Allerte' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Allerte di protezione civile' })).toBeVisible()
  const past = page.getByRole('region', { name: 'Concluse negli ultimi 7 giorni' })
  await expect(past.getByText('Allerta GIALLA')).toBeVisible()
  // The validity reads as a sentence: "Valida martedì 24 novembre 2026, dalle ore 8:00 alle ore 14:00".
  await expect(past.getByText(/^Valida (da )?\p{L}+ \d+ \p{L}+ \d{4}, (dalle )?ore \d/u).first()).toBeVisible()
  await expectNoAxeViolations(page, { label: 'alerts list' })

  await past.getByRole('link', { name: 'Temporali forti nel pomeriggio' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporali forti nel pomeriggio' })).toBeVisible()
  // Over, and it says so first: a big "Allerta terminata" before the (greyed) level; the
  // instructions are in the past tense and the waiting areas folded away.
  const over = page.getByRole('status').filter({ hasText: 'Allerta terminata' })
  await expect(over).toBeVisible()
  await expect(over).toContainText('Cessata allerta il')
  const article = (await page.getByRole('article').textContent())!
  expect(article.indexOf('Allerta terminata')).toBeGreaterThanOrEqual(0)
  expect(article.indexOf('Allerta terminata')).toBeLessThan(article.indexOf('Allerta GIALLA'))
  await expect(page.getByTestId('alert-level')).toHaveText('Livello che era in vigore: Allerta GIALLA')
  await expect(page.getByText(/^Era in vigore: Valida /)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Cosa devi fare' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Era indicato di' })).toBeVisible()
  await expect(page.getByText('Evita i sottopassi')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mostra le più vicine a me' })).toHaveCount(0)
  await expect(page.getByText('Fase di attenzione')).toBeVisible()
  await expect(page.getByText('Rischio: Temporali')).toBeVisible()
  const history = page.getByRole('region', { name: 'Aggiornamenti' }).getByRole('listitem')
  await expect(history).toHaveCount(2)
  await expect(history.first()).toContainText('Allerta emessa')
  await expect(history.last()).toContainText('Cessata allerta')
  await expect(page.getByText('Se sei in pericolo chiama il 112')).toBeVisible()
  await expectNoAxeViolations(page, { label: 'alert page' })

  // Once seen, the alert stays readable without a connection.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  await page.reload()
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporali forti nel pomeriggio' })).toBeVisible()
  await context.setOffline(false)

  await page.goto('/allerte/00000000-0000-0000-0000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible()
})

test('a citizen finds the aree di attesa from the home, and reads them offline without having opened them', async ({ page, newAnonymousPage }) => {
  await page.goto('/')
  const section = page.getByRole('region', { name: 'Protezione civile' })
  await section.getByRole('link', { name: 'Aree di attesa: dove andare' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Aree di attesa' })).toBeVisible()
  const list = page.getByRole('region', { name: 'Elenco delle aree' })
  const first = list.getByRole('listitem').filter({ hasText: 'Area di attesa 1 – Piazza della Libertà' })
  await expect(first).toContainText('Piazza della Libertà')
  await expect(first).toContainText('Zona: Centro storico')
  await expect(list.getByRole('listitem').filter({ hasText: 'Area di attesa 2 – Parcheggio dello stadio' })).toContainText('Viale dello Sport 2')
  // On a computer the place opens on OpenStreetMap (on phones, in the map app).
  await expect(first.getByRole('link', { name: 'Apri sulla mappa: Area di attesa 1 – Piazza della Libertà' })).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=43\.4682&mlon=11\.8801/)
  // The map is there when it can load (tiles may be out of reach: the list says the same).
  await expect(page.getByRole('region', { name: 'Mappa delle aree di attesa' })).toBeVisible()
  await expectNoAxeViolations(page, { label: 'aree di attesa' })
  await page.getByRole('link', { name: 'Tutte le allerte' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Allerte di protezione civile' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Aree di attesa: dove andare' })).toBeVisible()

  // Another phone only opened the home once: the service worker saved the areas anyway.
  const phone = await newAnonymousPage()
  await phone.setViewportSize({ width: 360, height: 800 })
  await phone.goto('/')
  await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  await expect
    .poll(() => phone.evaluate(async () => Boolean(await caches.match('/allerte/aree-di-attesa', { ignoreVary: true }))), { timeout: 15_000 })
    .toBe(true)
  await phone.context().setOffline(true)
  await phone.goto('/allerte/aree-di-attesa')
  await expect(phone.getByRole('heading', { level: 1, name: 'Aree di attesa' })).toBeVisible()
  await expect(phone.getByText('Area di attesa 3 – Giardini di via Verdi')).toBeVisible()
  await expect(phone.getByText('Via Verdi 40')).toBeVisible()
  await expectNoAxeViolations(phone, { label: 'aree di attesa offline (phone)' })
  await phone.context().setOffline(false)
})
