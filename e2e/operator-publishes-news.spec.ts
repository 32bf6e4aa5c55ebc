import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { alerts } from './fixtures/locators'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** A real 1×1 PNG: what matters to the server is its first bytes, not its name. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** Rome's calendar date `days` from now, as a date input takes it ("2026-03-30"). */
function romeDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(
    new Date(Date.now() + days * 86_400_000),
  )
}

async function openNewNewsForm(page: Page): Promise<void> {
  await page.goto('/admin/notizie/nuova')
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova notizia' })).toBeVisible()
}

async function metaContent(page: Page, property: string): Promise<string | null> {
  return page.locator(`meta[property="${property}"]`).getAttribute('content')
}

test.describe('operator publishes news', () => {
  test('writes, previews and publishes a news item with an image; citizens read and share it', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    const operator = await pageAs('operator')
    const title = `Mercato straordinario ${unique('n')}`
    const summary =
      'Sabato mattina il mercato si sposta in piazza della Libertà, con quaranta banchi di produttori del territorio e parcheggi gratuiti in via Mazzini.'
    const alt = 'Banchi di frutta e verdura in piazza'

    await operator.goto('/admin')
    await operator
      .getByRole('navigation', { name: 'Area riservata' })
      .getByRole('link', { name: 'Notizie' })
      .click()
    await expect(operator.getByRole('heading', { level: 1, name: 'Notizie' })).toBeVisible()
    await expect(operator.getByRole('table')).toContainText('Via Roma chiusa al traffico')
    await expectNoAxeViolations(operator, { label: 'staff news list' })

    await operator.getByRole('link', { name: 'Nuova notizia' }).click()
    await expect(operator.getByRole('heading', { level: 1, name: 'Nuova notizia' })).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'new news form' })

    // An empty form is refused, with the reason next to each field.
    await operator.getByRole('button', { name: 'Salva la notizia' }).click()
    await expect(alerts(operator)).toHaveText('Controlla i campi evidenziati.')
    await expect(operator.getByLabel('Titolo')).toHaveAttribute('aria-invalid', 'true')
    await expect(operator.getByText('Scrivi il titolo.')).toBeVisible()
    await expect(operator.getByText('Scegli un argomento.')).toBeVisible()
    await expect(operator).toHaveURL(/\/admin\/notizie\/nuova$/)
    await expectNoAxeViolations(operator, { label: 'new news form with errors' })

    await operator.getByLabel('Titolo').fill(title)
    await operator.getByLabel('Sommario').fill(summary)
    await operator
      .getByLabel('Testo completo')
      .fill(
        '## Dove\n\nIn **piazza della Libertà**, dalle 8 alle 13.\n\n<script>alert("x")</script>',
      )
    await operator.getByLabel('Argomento', { exact: true }).selectOption({ label: 'Notizie' })

    // A file that only claims to be a PNG is refused; a real one is kept.
    const fileInput = operator.getByLabel('Scegli un file')
    await fileInput.setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>non sono una foto</html>'),
    })
    await expect(operator.getByText('Il file non è un’immagine JPEG, PNG o WebP.')).toBeVisible()
    await fileInput.setInputFiles({ name: 'mercato.png', mimeType: 'image/png', buffer: PNG })
    await expect(operator.getByText('Immagine caricata.')).toBeVisible()
    await operator.getByLabel('Descrizione dell’immagine').fill(alt)

    // The preview renders the Markdown as citizens will see it, without the raw HTML.
    await operator.getByRole('button', { name: 'Anteprima' }).click()
    const preview = operator.getByRole('region', {
      name: 'Anteprima: come la vedranno i cittadini',
    })
    await expect(preview.getByRole('heading', { name: 'Dove' })).toBeVisible()
    await expect(preview.getByText('piazza della Libertà', { exact: true })).toBeVisible()
    await expect(preview.getByRole('img', { name: alt })).toBeVisible()
    await expect(preview).not.toContainText('alert(')
    await expectNoAxeViolations(operator, { label: 'news form with preview' })

    // Ticking the notice shows what the phone will show and how many devices it reaches.
    await operator.getByLabel('Notifica gli iscritti all’argomento').check()
    const notice = operator.getByRole('region', { name: 'Anteprima della notifica' })
    await expect(notice).toContainText(title)
    await expect(notice).toContainText('Sabato mattina il mercato si sposta')
    await expect(notice).toContainText('…')
    await expect(operator.getByText(/^Raggiungerà \d+ dispositiv/)).toBeVisible()
    await expect(
      operator.getByText(/la troveranno nei loro messaggi|la troverà nei suoi messaggi/),
    ).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'news form with notification preview' })
    // Published with the notice: the message goes through the same pipeline as every other.

    await operator.getByLabel('Pubblica ora').check()
    await operator.getByRole('button', { name: 'Salva la notizia' }).click()
    await expect(operator).toHaveURL(/\/admin\/notizie\/[0-9a-f-]{36}\?/)
    await expect(operator.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(
      operator.getByRole('status').filter({ hasText: 'Notizia pubblicata.' }),
    ).toBeVisible()
    await expect(operator.getByText('Pubblicata', { exact: true })).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'news edit page, just published' })

    // Staff follow its delivery: the message is listed with its progress.
    await operator.goto('/admin/invii')
    await expect(operator.getByRole('heading', { level: 1, name: 'Invii ai cittadini' })).toBeVisible()
    const row = operator.getByRole('row').filter({ hasText: title })
    await expect(row).toContainText('Notizia')
    await expect(row).toContainText('Completato')
    await expectNoAxeViolations(operator, { label: 'deliveries page' })

    // A citizen finds it in the news and opens it.
    const citizen = await newAnonymousPage()
    await citizen.goto('/notizie')
    await expectNoAxeViolations(citizen, { label: 'citizen news list' })
    await citizen.getByRole('link', { name: title }).click()
    await expect(citizen.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(citizen.getByRole('img', { name: alt })).toBeVisible()
    await expect(citizen.getByRole('heading', { name: 'Dove' })).toBeVisible()
    await expect(citizen.getByRole('main')).not.toContainText('alert(')
    await expectNoAxeViolations(citizen, { label: 'citizen news article' })

    // Its link previews well when shared: title, summary and an absolute image address.
    expect(await metaContent(citizen, 'og:title')).toBe(title)
    expect(await metaContent(citizen, 'og:description')).toBe(summary)
    expect(await metaContent(citizen, 'og:url')).toBe(citizen.url())
    const ogImage = await metaContent(citizen, 'og:image')
    expect(ogImage).toMatch(/^https?:\/\/[^/]+\/api\/files\/[0-9a-f]{32}\.png$/)
    expect(await metaContent(citizen, 'og:image:alt')).toBe(alt)
    const image = await citizen.request.get(ogImage!)
    expect(image.status()).toBe(200)
    expect(image.headers()['content-type']).toBe('image/png')
    expect(image.headers()['x-content-type-options']).toBe('nosniff')
    expect(image.headers()['cache-control']).toContain('immutable')
    expect(Buffer.from(await image.body()).equals(PNG)).toBe(true)
  })

  test('a scheduled news item stays hidden from citizens until its time', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    const operator = await pageAs('operator')
    const title = `Avviso programmato ${unique('p')}`
    await openNewNewsForm(operator)
    await operator.getByLabel('Titolo').fill(title)
    await operator.getByLabel('Sommario').fill('Esce domani mattina.')
    await operator.getByLabel('Testo completo').fill('Il testo completo.')
    await operator.getByLabel('Argomento', { exact: true }).selectOption({ label: 'Viabilità' })
    await operator.getByLabel('Programma per').check()
    await operator.getByLabel('Giorno di pubblicazione').fill(romeDate(1))
    await operator.getByLabel('Ora di pubblicazione').fill('09:00')
    await expectNoAxeViolations(operator, { label: 'news form, scheduling' })
    await operator.getByRole('button', { name: 'Salva la notizia' }).click()
    await expect(
      operator.getByRole('status').filter({ hasText: /^Notizia programmata per il/ }),
    ).toBeVisible()
    await expect(operator.getByText('Programmata', { exact: true })).toBeVisible()
    const address = await operator.getByText(/^Indirizzo: \/notizie\//).textContent()
    const path = address!.replace('Indirizzo: ', '').trim()

    const citizen = await newAnonymousPage()
    await citizen.goto('/notizie')
    await expect(citizen.getByRole('heading', { level: 1, name: 'Notizie' })).toBeVisible()
    await expect(citizen.getByRole('link', { name: title })).toHaveCount(0)
    const response = await citizen.goto(path)
    expect(response?.status()).toBe(404)

    // Back in the list, the operator sees it as scheduled.
    await operator.goto('/admin/notizie')
    await expect(operator.getByRole('row').filter({ hasText: title })).toContainText('Programmata')
  })

  test('an admin adds a topic and retires it; editors stop seeing it', async ({ pageAs }) => {
    const admin = await pageAs('admin')
    const name = `Mobilità ${unique('t')}`
    await admin.goto('/admin')
    await admin
      .getByRole('navigation', { name: 'Area riservata' })
      .getByRole('link', { name: 'Argomenti' })
      .click()
    await expect(admin.getByRole('heading', { level: 1, name: 'Argomenti' })).toBeVisible()
    await expect(admin.getByRole('row').filter({ hasText: 'Protezione civile' })).toContainText(
      'Consigliato',
    )
    await expectNoAxeViolations(admin, { label: 'topics list' })

    await admin.getByLabel('Nome in italiano').fill(name)
    await admin.getByLabel('Nome in inglese').fill(`Mobility ${name.slice(9)}`)
    await admin.getByLabel('Descrizione in italiano').fill('Autobus, piste ciclabili e parcheggi.')
    await admin.getByRole('button', { name: 'Aggiungi l’argomento' }).click()
    await expect(alerts(admin)).toHaveText('Controlla i campi evidenziati.')
    await expect(admin.getByText('Scrivi una breve descrizione in inglese.')).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'topics list, form with errors' })
    await admin.getByLabel('Descrizione in inglese').fill('Buses, cycle lanes and parking.')
    await admin.getByRole('button', { name: 'Aggiungi l’argomento' }).click()
    await expect(
      admin.getByRole('status').filter({ hasText: `Argomento «${name}» aggiunto.` }),
    ).toBeVisible()
    const row = admin.getByRole('row').filter({ hasText: name })
    await expect(row).toContainText('Attivo')

    // Editors can file news under it.
    const operator = await pageAs('operator')
    await openNewNewsForm(operator)
    const topicSelect = operator.getByLabel('Argomento', { exact: true })
    await expect(topicSelect.getByRole('option', { name })).toHaveCount(1)

    await row.getByRole('link', { name }).click()
    await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'topic page' })
    await admin.getByRole('button', { name: 'Ritira l’argomento' }).click()
    await expect(admin.getByRole('status').filter({ hasText: 'Argomento ritirato.' })).toBeVisible()
    await expect(admin.getByRole('button', { name: 'Ripristina l’argomento' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'topic page, retired' })

    await admin.goto('/admin/argomenti')
    await expect(admin.getByRole('row').filter({ hasText: name })).toContainText('Ritirato')
    await operator.reload()
    await expect(
      operator.getByLabel('Argomento', { exact: true }).getByRole('option', { name }),
    ).toHaveCount(0)

    // Protezione civile is always there: no way to retire it.
    await admin.getByRole('link', { name: 'Protezione civile', exact: true }).click()
    await expect(admin.getByRole('heading', { level: 1, name: 'Protezione civile' })).toBeVisible()
    await expect(admin.getByText('non si può ritirare')).toBeVisible()
    await expect(admin.getByRole('button', { name: 'Ritira l’argomento' })).toHaveCount(0)
  })

  test('an operator publishes an event with an image; the agenda shows it in the next seven days, in Rome time', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    const operator = await pageAs('operator')
    const title = `Concerto d’estate ${unique('e')}`
    const alt = 'La banda comunale sul palco nel chiostro'
    await operator.goto('/admin/eventi')
    await expect(operator.getByRole('heading', { level: 1, name: 'Eventi' })).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'staff event list' })
    await operator.getByRole('link', { name: 'Nuovo evento' }).click()
    await expect(operator.getByRole('heading', { level: 1, name: 'Nuovo evento' })).toBeVisible()
    await operator.getByLabel('Titolo').fill(title)
    await operator.getByLabel('Sommario').fill('La banda comunale suona nel chiostro.')
    await operator.getByLabel('Testo completo').fill('Ingresso libero.')
    await operator.getByLabel('Luogo').fill('Chiostro del Palazzo comunale')
    await operator.getByLabel('Giorno di inizio').fill(romeDate(2))
    await operator.getByLabel('Ora di inizio').fill('21:00')
    await operator.getByLabel('Ora di fine').fill('20:00')
    await operator.getByLabel('Argomento', { exact: true }).selectOption({ label: 'Eventi' })
    await operator
      .getByLabel('Scegli un file')
      .setInputFiles({ name: 'concerto.png', mimeType: 'image/png', buffer: PNG })
    await expect(operator.getByText('Immagine caricata.')).toBeVisible()
    await operator.getByLabel('Descrizione dell’immagine').fill(alt)
    await operator.getByLabel('Pubblica ora').check()
    await operator.getByRole('button', { name: 'Salva l’evento' }).click()
    await expect(operator.getByText('La fine deve venire dopo l’inizio.')).toBeVisible()
    await expect(operator.getByLabel('Ora di fine')).toHaveAttribute('aria-invalid', 'true')
    // What was typed is still there, the image too.
    await expect(operator.getByLabel('Titolo')).toHaveValue(title)
    await expect(operator.getByLabel('Descrizione dell’immagine')).toHaveValue(alt)
    await expectNoAxeViolations(operator, { label: 'new event form with errors' })
    await operator.getByLabel('Ora di fine').fill('23:00')
    await operator.getByRole('button', { name: 'Salva l’evento' }).click()
    await expect(
      operator.getByRole('status').filter({ hasText: 'Evento pubblicato.' }),
    ).toBeVisible()
    await expectNoAxeViolations(operator, { label: 'event edit page' })

    const citizen = await newAnonymousPage()
    await citizen.goto('/eventi')
    const soon = citizen.getByRole('region', { name: 'Nei prossimi 7 giorni' })
    await expect(soon.getByRole('link', { name: title })).toBeVisible()
    await expect(soon.getByRole('listitem').filter({ hasText: title })).toContainText(
      'dalle 21:00 alle 23:00',
    )
    await soon.getByRole('link', { name: title }).click()
    await expect(citizen.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(citizen.getByRole('img', { name: alt })).toBeVisible()
    expect(await metaContent(citizen, 'og:title')).toBe(title)
    const ogImage = await metaContent(citizen, 'og:image')
    expect(ogImage).toMatch(/^https?:\/\/[^/]+\/api\/files\/[0-9a-f]{32}\.png$/)
    expect(await metaContent(citizen, 'og:image:alt')).toBe(alt)
    const image = await citizen.request.get(ogImage!)
    expect(image.status()).toBe(200)
    expect(Buffer.from(await image.body()).equals(PNG)).toBe(true)
    await expectNoAxeViolations(citizen, { label: 'citizen event page' })
  })

  test('topics are for admins, news and events for admins and operators', async ({ pageAs }) => {
    const operator = await pageAs('operator')
    await operator.goto('/admin/argomenti')
    await expect(
      operator.getByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeVisible()
    for (const role of ['office', 'civil_protection'] as const) {
      const page = await pageAs(role)
      for (const path of [
        '/admin/notizie',
        '/admin/notizie/nuova',
        '/admin/eventi',
        '/admin/eventi/nuovo',
      ]) {
        await page.goto(path)
        await expect(
          page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }),
          path,
        ).toBeVisible()
      }
      await expectNoAxeViolations(page, { label: `refused content page (${role})` })
    }
  })
})
