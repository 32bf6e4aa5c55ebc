import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** Keyboard only: focus moves by the keyboard's own means (a focused control, Enter and typing), never a click. */
async function typeInto(field: Locator, text: string) {
  await field.focus()
  await field.press('ControlOrMeta+a')
  await field.press('Delete')
  await field.pressSequentially(text)
}

async function press(button: Locator) {
  await button.focus()
  await button.press('Enter')
}

async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
}

test.describe('admin manages report categories', () => {
  test('an admin edits a category’s target and adds a template with the keyboard; an operator uses the template on a report', async ({ pageAs, request }) => {
    test.setTimeout(180_000)
    const admin = await pageAs('admin')
    const templateTitle = `Lampada ordinata ${unique('t')}`
    const templateBody = 'Abbiamo ordinato la lampada nuova: la montiamo appena arriva.'

    // From the dashboard, through the navigation, with the keyboard.
    await admin.goto('/admin')
    const navLink = admin.getByRole('navigation', { name: 'Area riservata' }).getByRole('link', { name: 'Categorie segnalazioni' })
    await tabTo(admin, navLink)
    await admin.keyboard.press('Enter')
    await expect(admin.getByRole('heading', { level: 1, name: 'Categorie delle segnalazioni' })).toBeVisible()
    await expect(navLink).toHaveAttribute('aria-current', 'page')
    await expect(admin.getByRole('navigation', { name: 'Area riservata' }).getByRole('link', { name: 'Segnalazioni', exact: true })).not.toHaveAttribute('aria-current', 'page')
    await expectNoAxeViolations(admin, { label: 'report categories' })

    await press(admin.getByRole('link', { name: 'Illuminazione pubblica' }))
    await expect(admin.getByRole('heading', { level: 1, name: 'Categoria «Illuminazione pubblica»' })).toBeVisible()
    await expect(admin.getByLabel('Obiettivo di risoluzione (giorni lavorativi)')).toHaveValue('7')
    await expect(admin.getByLabel('Testo della domanda 1')).toHaveValue('Numero scritto sul palo (se lo vedi)')
    await expectNoAxeViolations(admin, { label: 'report category editor' })

    // A target of 0 days is refused and nothing changes.
    const target = admin.getByLabel('Obiettivo di risoluzione (giorni lavorativi)')
    await typeInto(target, '0')
    await press(admin.getByRole('button', { name: 'Salva la categoria' }))
    await expect(admin.getByRole('alert').filter({ hasText: 'L’obiettivo va da 1 a 365 giorni lavorativi.' })).toBeVisible()
    await admin.reload()
    await expect(target).toHaveValue('7')

    // Target 4 days, an urgent notice, and a second question added with the keyboard.
    await typeInto(target, '4')
    await typeInto(admin.getByLabel('Avviso urgente (facoltativo)'), 'Un palo pericolante? Se c’è pericolo per le persone chiama il 112.')
    await press(admin.getByRole('button', { name: 'Aggiungi una domanda' }))
    const question = admin.getByLabel('Testo della domanda 2')
    await expect(question).toBeFocused()
    await question.pressSequentially('Da quanti giorni è spento?')
    await press(admin.getByRole('button', { name: 'Salva la categoria' }))
    await expect(admin.getByRole('status').filter({ hasText: 'Categoria salvata.' })).toBeVisible()
    await admin.reload()
    await expect(target).toHaveValue('4')
    await expect(admin.getByLabel('Testo della domanda 2')).toHaveValue('Da quanti giorni è spento?')

    // A reply template for this category.
    await typeInto(admin.getByLabel('Titolo della nuova risposta'), templateTitle)
    await typeInto(admin.getByLabel('Testo della nuova risposta'), templateBody)
    await press(admin.getByRole('button', { name: 'Aggiungi la risposta pronta' }))
    await expect(admin.getByRole('status').filter({ hasText: 'Risposta pronta aggiunta.' })).toBeVisible()
    await expect(admin.getByLabel(`Testo della risposta «${templateTitle}»`)).toHaveValue(templateBody)
    await expectNoAxeViolations(admin, { label: 'report category with a new template' })

    // The audit log has the change.
    await admin.goto('/admin/registro')
    await expect(admin.getByRole('main')).toContainText('Categoria di segnalazione modificata')

    // A half-drawn routing area is refused: it never becomes the whole Comune.
    await admin.goto('/admin/segnalazioni/regole')
    const newRule = admin.getByRole('region', { name: 'Nuova regola' })
    await typeInto(newRule.getByLabel('Nome'), `Luce ${unique('r')}`)
    await newRule.getByLabel('Solo in un’area disegnata sulla mappa').focus()
    await admin.keyboard.press('Space')
    await typeInto(newRule.getByLabel(/Vertici dell’area/), '43.449, 11.888\n43.455, 11.896')
    await expect(newRule.getByText('2 vertici: ne servono almeno tre.')).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'routing rule with a half-drawn area' })
    await press(newRule.getByRole('button', { name: 'Crea la regola' }))
    await expect(admin.getByRole('alert').filter({ hasText: 'L’area ha solo 2 vertici: ne servono almeno tre.' })).toBeVisible()

    // An Open311 client files a lamp report with a photo link and an answer.
    await admin.goto('/admin/open311')
    const client = `Client ${unique('c')}`
    await admin.getByLabel('Nome del client').fill(client)
    await admin.getByRole('button', { name: 'Rilascia la chiave' }).click()
    const apiKey = await admin.getByLabel(`Chiave API di «${client}» (mostrata solo ora)`).inputValue()
    const created = await request.post('/open311/v2/requests.json', {
      form: {
        api_key: apiKey,
        service_code: 'illuminazione-pubblica',
        lat: '43.4661',
        long: '11.8822',
        description: 'Lampione spento da una settimana',
        'attribute[numero-palo]': 'P-112',
        media_url: 'https://fms.example.org/photo/lamp.jpeg',
      },
    })
    expect(created.status()).toBe(200)
    const code = ((await created.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id

    // The operator opens it, reads the answer by its question and the photo link, and uses the template.
    const operator = await pageAs('operator')
    await operator.goto(`/admin/segnalazioni?q=${code}&stato=all`)
    await press(operator.getByRole('link', { name: new RegExp(code) }))
    await expect(operator.getByRole('heading', { level: 1, name: 'Lampione spento da una settimana' })).toBeVisible()
    await expect(operator.getByRole('main')).toContainText('Numero scritto sul palo (se lo vedi): P-112')
    await expect(operator.getByRole('link', { name: /Foto esterna 1: https:\/\/fms\.example\.org\/photo\/lamp\.jpeg/ })).toHaveAttribute('rel', /noopener/)
    await expectNoAxeViolations(operator, { label: 'staff report page with an Open311 photo link' })
    const picker = operator.getByLabel('Risposta pronta')
    await picker.focus()
    await picker.selectOption({ label: templateTitle })
    await expect(operator.getByLabel('Nota pubblica (il cittadino la legge)')).toHaveValue(templateBody)
    await operator.getByLabel('Nuovo stato').selectOption({ label: 'Presa in carico' })
    await press(operator.getByRole('button', { name: 'Salva lo stato' }))
    await expect(operator.getByRole('status').filter({ hasText: 'Stato aggiornato' })).toBeVisible()
    await expect(operator.getByRole('main')).toContainText(templateBody)

    // The citizen-facing page shows the reply, and the category's new target counts the date.
    const page = await pageAs('operator')
    await page.goto(`/segnalazioni/${code}`)
    await expect(page.getByRole('main')).toContainText(templateBody)
  })

  test('the statistics count closures by working days and export the counts as CSV', async ({ pageAs }) => {
    const admin = await pageAs('admin')
    await admin.goto('/admin/segnalazioni/statistiche')
    await expect(admin.getByRole('heading', { level: 1, name: 'Statistiche delle segnalazioni' })).toBeVisible()
    const table = admin.getByRole('region', { name: 'Chiusure per categoria' })
    await expect(table.getByRole('columnheader', { name: 'Entro l’obiettivo' })).toBeVisible()
    await expect(table.getByRole('columnheader', { name: 'oltre 10 giorni lavorativi' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'report statistics with closure bands' })
    const href = await admin.getByRole('link', { name: 'Esporta i conteggi (CSV)' }).getAttribute('href')
    const csv = await admin.request.get(href!)
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-disposition']).toMatch(/riepilogo-/)
    const body = await csv.text()
    expect(body).toContain('"chiuse_entro_obiettivo","chiuse_oltre_obiettivo","chiuse_0_2_gg_lavorativi"')
    expect(body).toContain('"categoria","Strade, marciapiedi, segnaletica e viabilità"')
  })

  test('other roles are refused the pages', async ({ pageAs }) => {
    const operator = await pageAs('operator')
    await operator.goto('/admin/segnalazioni/categorie')
    await expect(operator.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible()
    await expect(operator.getByRole('navigation', { name: 'Area riservata' }).getByRole('link', { name: 'Categorie segnalazioni' })).toHaveCount(0)
    await operator.goto('/admin/segnalazioni/categorie/1')
    await expect(operator.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible()
  })
})
