import sharp from 'sharp'
import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/** Via Roma 12, in the demo Comune (outside the "Centro storico" area only for the rule's category). */
const HERE = { latitude: 43.4661, longitude: 11.8822 }

/** A real JPEG carrying EXIF (camera and GPS): the server must strip it. */
async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#6b8e23' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Telefono', Model: 'Segreto' } })
    .toBuffer()
}

async function timeline(page: Page) {
  return page.getByTestId('timeline')
}

test.describe('citizen reports a problem and follows it to the end', () => {
  test('with a photo and GPS; the operator routes it, the office closes it as fixed, the citizen answers "No"', async ({ browser, pageAs }) => {
    test.setTimeout(240_000)
    const context = await browser.newContext({ geolocation: HERE, permissions: ['geolocation'] })
    const citizen = await context.newPage()
    const title = `Cassonetto rovesciato ${Date.now().toString(36)}`

    // Home → "Segnala un problema".
    await citizen.goto('/')
    await citizen.getByRole('main').getByRole('link', { name: 'Segnala un problema' }).click()
    await expect(citizen.getByRole('heading', { level: 1, name: 'Segnala un problema' })).toBeVisible()
    await expect(citizen.getByRole('heading', { level: 2, name: 'Autorizzazioni e condizioni' })).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'report flow: privacy' })

    // The privacy notice must be acknowledged.
    await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
    await expect(citizen.getByRole('alert').filter({ hasText: 'Conferma di aver letto l’informativa' })).toBeVisible()
    await citizen.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
    await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()

    // Place by GPS.
    await expect(citizen.getByRole('heading', { level: 2, name: 'Dove si trova il problema?' })).toBeVisible()
    await expect(citizen.getByRole('heading', { level: 2, name: 'Dove si trova il problema?' })).toBeFocused()
    await citizen.getByRole('button', { name: 'Usa la mia posizione' }).click()
    await expect(citizen.getByTestId('chosen-place')).toContainText('vicino a Via Roma 12')
    await expectNoAxeViolations(citizen, { label: 'report flow: place' })
    await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()

    // The problem: an empty form is refused with the reasons.
    await expect(citizen.getByRole('heading', { level: 2, name: 'Il problema' })).toBeVisible()
    await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
    await expect(citizen.getByRole('alert').filter({ hasText: 'Scegli il tipo di problema.' })).toBeVisible()
    await expect(citizen.getByLabel('Tipo di problema *')).toHaveAttribute('aria-invalid', 'true')
    await citizen.getByLabel('Tipo di problema *').selectOption({ label: 'Igiene urbana, rifiuti, pulizia e decoro' })
    await citizen.getByLabel('Titolo *').fill(title)
    await citizen.getByLabel('Dettagli *').fill('Il cassonetto della carta è rovesciato sul marciapiede e blocca il passaggio.')
    await citizen.getByLabel('Aggiungi foto').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: await photoWithExif() })
    await expect(citizen.getByText('Foto caricata.')).toBeVisible()
    await expect(citizen.getByTestId('photos-chosen')).toHaveText('Foto aggiunte (1): foto.jpg')
    await expect(citizen.getByRole('img', { name: 'Foto 1 allegata' })).toBeVisible()
    await citizen.getByLabel('Email').fill('cittadino@example.org')
    await expectNoAxeViolations(citizen, { label: 'report flow: problem' })
    await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()

    // Summary, then send.
    await expect(citizen.getByRole('heading', { level: 2, name: 'Riepilogo' })).toBeVisible()
    await expect(citizen.getByText('hanno valore di dichiarazione')).toBeVisible()
    await expect(citizen.getByRole('main')).toContainText(title)
    await expectNoAxeViolations(citizen, { label: 'report flow: summary' })
    await citizen.getByRole('button', { name: 'Invia la segnalazione' }).click()
    await expect(citizen.getByRole('heading', { level: 2, name: 'Segnalazione inviata' })).toBeVisible()
    const code = (await citizen.getByTestId('public-code').textContent())!.trim()
    expect(code).toMatch(/^SEG-\d{4}-\d{6}$/)
    await expect(citizen.getByText('Data prevista di risposta')).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'report flow: confirmation' })

    await citizen.getByRole('link', { name: 'Segui la segnalazione' }).click()
    await expect(citizen.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(citizen.getByTestId('report-status')).toHaveText('Ricevuta')
    await expect(citizen.getByTestId('expected-date')).toBeVisible()
    // The reporter sees their own photo, marked as waiting for approval.
    await expect(citizen.getByText('In attesa di approvazione')).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'citizen report page' })

    // Someone else does not see the photo nor any contact detail.
    const stranger = await (await browser.newContext()).newPage()
    await stranger.goto(`/segnalazioni/${code}`)
    await expect(stranger.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(stranger.getByRole('main')).not.toContainText('cittadino@example.org')
    await expect(stranger.getByRole('img')).toHaveCount(0)

    // The operator finds it (routed to Ambiente by its category) and routes it to Lavori pubblici.
    const operator = await pageAs('operator')
    await operator.goto(`/admin/segnalazioni?q=${code}&stato=all`)
    await expect(operator.getByRole('heading', { level: 1, name: 'Segnalazioni' })).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'staff reports inbox' })
    await operator.getByRole('link', { name: new RegExp(code) }).click()
    await expect(operator.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(operator.getByTestId('staff-office')).toHaveText('Ambiente e verde pubblico')
    await expect(operator.getByRole('main')).toContainText('cittadino@example.org')
    await expectNoAxeViolations(operator, { label: 'staff report page' })
    await operator.getByLabel('Ufficio competente').selectOption({ label: 'Lavori pubblici e manutenzioni' })
    await operator.getByLabel('Nota interna (facoltativa)').fill('Il cassonetto è su suolo dei Lavori pubblici.')
    await operator.getByRole('button', { name: 'Passa all’ufficio' }).click()
    await expect(operator.getByRole('status').filter({ hasText: 'Segnalazione passata a Lavori pubblici' })).toBeVisible()
    await expect(operator.getByTestId('staff-office')).toHaveText('Lavori pubblici e manutenzioni')
    await operator.getByLabel('Nuovo stato').selectOption({ label: 'Presa in carico' })
    await operator.getByLabel('Nota pubblica (il cittadino la legge)').fill('L’ufficio Lavori pubblici se ne occupa.')
    await operator.getByRole('button', { name: 'Salva lo stato' }).click()
    await expect(operator.getByRole('status').filter({ hasText: 'Stato aggiornato' })).toBeVisible()

    // The office approves the photo and closes the report as fixed.
    const office = await pageAs('office')
    await office.goto('/admin/segnalazioni')
    await office.getByRole('link', { name: new RegExp(code) }).click()
    await expect(office.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await office.getByRole('button', { name: 'Approva la foto 1' }).click()
    // The approve button goes once the photo is public.
    await expect(office.getByRole('button', { name: 'Nascondi la foto 1' })).toBeVisible()
    await expect(office.getByRole('button', { name: 'Approva la foto 1' })).toHaveCount(0)
    await expect(office.getByRole('region', { name: 'Foto' }).or(office.locator('section', { has: office.getByRole('heading', { name: 'Foto' }) }))).toContainText('Pubblica')
    await office.getByLabel('Nuovo stato').selectOption({ label: 'Risolta' })
    await office.getByLabel('Risposta pronta').selectOption({ label: 'Risolta' })
    await office.getByLabel('Nota interna (solo per il personale)').fill('Squadra 2, intervento di 20 minuti.')
    await office.getByRole('button', { name: 'Salva lo stato' }).click()
    await expect(office.getByRole('status').filter({ hasText: 'Stato aggiornato' })).toBeVisible()
    await expect(office.getByTestId('staff-status')).toContainText('Risolta')
    await expect(office.getByTestId('staff-timeline')).toContainText('Da Ambiente e verde pubblico a Lavori pubblici e manutenzioni')

    // The citizen saw every public step, in the report and in the inbox, never the internal notes.
    await citizen.goto(`/segnalazioni/${code}`)
    await expect(citizen.getByTestId('report-status')).toHaveText('Risolta')
    const steps = await timeline(citizen)
    await expect(steps).toContainText('Segnalazione ricevuta')
    await expect(steps).toContainText('Stato: Presa in carico')
    await expect(steps).toContainText('L’ufficio Lavori pubblici se ne occupa.')
    await expect(steps).toContainText('Stato: Risolta')
    await expect(citizen.getByRole('main')).not.toContainText('Squadra 2')
    await expect(citizen.getByRole('main')).not.toContainText('suolo dei Lavori pubblici')
    await expect(citizen.getByRole('img', { name: 'Foto 1' })).toBeVisible()
    await expect(stranger.getByRole('img')).toHaveCount(0)
    await stranger.reload()
    await expect(stranger.getByRole('img', { name: 'Foto 1' })).toBeVisible()

    await citizen.goto('/notifiche')
    await expect(citizen.getByRole('main')).toContainText(`${code}: Risolta`)
    await expect(citizen.getByRole('main')).toContainText(`${code}: Presa in carico`)
    await expect(citizen.getByRole('main')).toContainText(`Segnalazione ricevuta: ${code}`)

    // "È stato risolto?" — No.
    await citizen.goto(`/segnalazioni/${code}`)
    await expect(citizen.getByRole('heading', { level: 2, name: 'È stato risolto?' })).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'citizen report page asking if fixed' })
    await citizen.getByLabel('Commento (facoltativo)').fill('Il cassonetto è ancora rovesciato.')
    await citizen.getByRole('button', { name: 'No, non è risolto' }).click()
    await expect(citizen.getByText('abbiamo riaperto la segnalazione')).toBeVisible()
    await expect(citizen.getByTestId('report-status')).toHaveText('Presa in carico')
    await expect(citizen.getByRole('button', { name: 'No, non è risolto' })).toHaveCount(0)

    // The office sees it back in its queue, reopened and with a higher priority.
    await office.goto('/admin/segnalazioni')
    const row = office.getByRole('row').filter({ hasText: code })
    await expect(row).toContainText('Riaperta dal cittadino')
    await expect(row).toContainText('Alta')
    // …and is alerted: the reopened report heads the triage list and the dashboard until someone takes notice.
    await expect(office.getByTestId('reopen-alerts')).toContainText(code)
    await expect(office.getByTestId('reopen-alerts')).toContainText('Il cassonetto è ancora rovesciato.')
    await office.goto('/admin')
    const alertBox = office.getByTestId('reopen-alerts')
    await expect(alertBox).toContainText(code)
    await expectNoAxeViolations(office, { label: 'dashboard with a reopened report' })
    await alertBox.getByRole('link', { name: new RegExp(code) }).click()
    await expect(office.getByTestId('reopen-alert')).toContainText('Riaperta dal cittadino')
    await expect(office.getByTestId('staff-timeline')).toContainText('Il cassonetto è ancora rovesciato.')
    await office.getByRole('button', { name: 'Presa visione' }).click()
    await expect(office.getByRole('status').filter({ hasText: 'Presa visione registrata' })).toBeVisible()
    await expect(office.getByTestId('reopen-alert')).toHaveCount(0)
    await expect(office.getByTestId('staff-timeline')).toContainText('Presa visione della riapertura')
    await office.goto('/admin')
    await expect(office.getByRole('heading', { level: 1, name: 'Bacheca' })).toBeVisible()
    await expect(office.getByRole('main')).not.toContainText(code)

    // The citizen's own list.
    await citizen.goto('/segnalazioni/mie')
    await expect(citizen.getByRole('link', { name: title })).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'my reports' })
    await context.close()
  })

  test('public list, statistics and routing rules pages pass axe; the CSV leaves contacts out', async ({ page, pageAs }) => {
    await page.goto('/segnalazioni')
    await expect(page.getByRole('heading', { level: 1, name: 'Segnalazioni' })).toBeVisible()
    await expect(page.getByTestId('resolved-count')).toContainText('Negli ultimi 12 mesi')
    await expectNoAxeViolations(page, { label: 'public reports list' })
    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Chiuse' })
    await page.getByRole('button', { name: 'Filtra' }).click()
    await expect(page).toHaveURL(/stato=closed/)
    await expect(page.getByRole('main')).toContainText('Panchina rotta in piazza')
    await expect(page.getByRole('main')).not.toContainText('Buca profonda davanti al civico 12')

    const admin = await pageAs('admin')
    await admin.goto('/admin/segnalazioni/statistiche')
    await expect(admin.getByRole('heading', { level: 1, name: 'Statistiche delle segnalazioni' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'report statistics' })
    await admin.goto('/admin/segnalazioni/regole')
    await expect(admin.getByRole('heading', { level: 1, name: 'Regole di instradamento' })).toBeVisible()
    await expect(admin.getByRole('main')).toContainText('Verde del centro storico ai Lavori pubblici')
    await expectNoAxeViolations(admin, { label: 'routing rules' })
    // A rule can be edited, with its fields as saved; an area that crosses itself is refused and changes nothing.
    await admin.getByRole('link', { name: 'Modifica la regola «Verde del centro storico ai Lavori pubblici»' }).click()
    await expect(admin.getByRole('heading', { level: 1, name: 'Modifica la regola «Verde del centro storico ai Lavori pubblici»' })).toBeVisible()
    await expect(admin.getByLabel('Ufficio competente')).toHaveValue(/\d+/)
    await expect(admin.getByLabel('Categoria')).not.toHaveValue('')
    await expect(admin.getByLabel('Ordine (le regole con numero più basso valgono prima)')).toHaveValue('10')
    await expect(admin.getByLabel(/Vertici dell’area/)).toHaveValue(/43\.462/)
    await expectNoAxeViolations(admin, { label: 'routing rule editor' })
    await admin.getByLabel(/Vertici dell’area/).fill('43.449, 11.888\n43.455, 11.896\n43.449, 11.896\n43.455, 11.888')
    await admin.getByRole('button', { name: 'Salva le modifiche' }).click()
    await expect(admin.getByRole('alert').filter({ hasText: 'Il poligono si interseca con se stesso' })).toBeVisible()
    await admin.goto('/admin/segnalazioni/regole')
    await expect(admin.getByRole('main')).toContainText('Verde del centro storico ai Lavori pubblici')
    await expect(admin.getByRole('main')).toContainText('Area: 4 vertici')
    const csv = await admin.request.get('/admin/segnalazioni/esporta?giorni=365')
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-type']).toContain('text/csv')
    const body = await csv.text()
    expect(body).toContain('"codice",')
    expect(body).not.toContain('@example.org')
  })
})
