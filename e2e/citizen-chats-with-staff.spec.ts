import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

/** A real 1×1 PNG: the phone re-encodes it, the server checks its bytes and re-encodes it again. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PHONE = { width: 360, height: 780 }

test.describe('citizen chats with staff', () => {
  test('text, a photo and a position go both ways live, on phones, and nothing is lost or doubled across a dropped connection', async ({
    pageAs,
    newAnonymousPage,
  }) => {
    test.setTimeout(120_000)
    const first = `Ciao, c’è una buca in via Roma ${unique('b')}`

    // The citizen, on a phone, finds the chat from any page.
    const citizen = await newAnonymousPage()
    await citizen.setViewportSize(PHONE)
    await citizen.context().grantPermissions(['geolocation'])
    await citizen.context().setGeolocation({ latitude: 43.4679, longitude: 11.8805 })
    await citizen.goto('/notizie')
    await citizen.getByRole('link', { name: 'Chat con il Comune' }).click()
    await expect(citizen.getByRole('heading', { level: 1, name: 'Scrivi al Comune' })).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'chat privacy step' })
    await citizen.getByLabel('Ho letto l’informativa sulla privacy').check()
    await citizen.getByRole('button', { name: 'Apri la chat' }).click()
    await expect(citizen.getByLabel('Il tuo messaggio')).toBeVisible()
    await expect(citizen.getByTestId('chat-hours')).toBeVisible()
    await expectNoAxeViolations(citizen, { label: 'citizen chat' })

    await citizen.getByLabel('Il tuo messaggio').fill(first)
    await citizen.getByRole('button', { name: 'Invia', exact: true }).click()
    const myFirst = citizen.getByRole('listitem').filter({ hasText: first })
    await expect(myFirst.getByTestId('message-state')).toHaveText(/Inviato|Letto/)
    // Closed (depending on the time of the run), no wait in minutes is promised: only when it will be read.
    if ((await citizen.getByTestId('chat-hours').textContent())?.startsWith('Chiuso')) {
      await expect(citizen.getByTestId('chat-queue')).toHaveText('Il tuo messaggio è arrivato: lo leggeremo appena la chat riapre.')
    } else await expect(citizen.getByTestId('chat-queue')).toContainText('in coda')

    // A staff member, also on a phone, sees it arrive in the console and opens it.
    const staff = await pageAs('operator')
    await staff.setViewportSize(PHONE)
    // Unassigned covers both open and out-of-hours (pending) chats, whatever the time of the run.
    await staff.goto('/admin/chat?vista=unassigned')
    await expect(staff.getByRole('heading', { level: 1, name: 'Chat con i cittadini' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console inbox at 360 px' })
    // The phone screen holds the console: nothing runs off to the side.
    const pageWidth = () => staff.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity)
    expect(await pageWidth()).toBeLessThanOrEqual(PHONE.width)
    // One unread message is "1 nuovo", in the singular; the citizen has a six-character label.
    const card = staff.getByRole('link', { name: new RegExp(first.slice(-12)) })
    await expect(card.getByText('1 nuovo', { exact: true })).toBeVisible()
    await expect(card.getByText(/^Cittadino [0-9A-Z]{6}$/)).toBeVisible()
    await card.click()
    await expect(staff.getByRole('list', { name: 'Messaggi' })).toContainText(first)
    await expect(staff.getByRole('heading', { level: 2, name: /^Cittadino [0-9A-Z]{6}$/ })).toBeVisible()
    await staff.getByText('Assegna o posticipa').click()
    await expect(staff.getByLabel('Assegna a')).toBeVisible()
    expect(await pageWidth()).toBeLessThanOrEqual(PHONE.width)
    await expectNoAxeViolations(staff, { label: 'console conversation at 360 px' })

    // Staff reply appears live for the citizen, with a read receipt back for staff.
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('Ciao! Puoi mandarmi una foto e la posizione?')
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByText('Ciao! Puoi mandarmi una foto e la posizione?')).toBeVisible()
    await expect(staff.getByTestId('staff-message-state').last()).toHaveText(/Letto/)
    await expect(myFirst.getByTestId('message-state')).toHaveText(/Letto/)

    // A photo and a position from the citizen reach staff live.
    await citizen.getByLabel(/Foto/).setInputFiles({ name: 'buca.png', mimeType: 'image/png', buffer: PNG })
    await expect(staff.getByRole('list', { name: 'Messaggi' }).getByRole('img', { name: 'Foto' })).toBeVisible()
    await citizen.getByRole('button', { name: /Invia la mia posizione/ }).click()
    await expect(staff.getByText('43.46790, 11.88050')).toBeVisible()
    await expect(staff.getByRole('link', { name: 'Apri sulla mappa' }).last()).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=43\.467900&mlon=11\.880500/)

    // The citizen's connection drops: the banner says so, and a message written meanwhile waits.
    await citizen.context().setOffline(true)
    await citizen.evaluate(() => window.dispatchEvent(new Event('offline')))
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('Ti scrivo mentre sei senza rete')
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await citizen.getByLabel('Il tuo messaggio').fill('Scritto senza rete')
    await citizen.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByRole('listitem').filter({ hasText: 'Scritto senza rete' }).getByTestId('message-state')).toHaveText('In attesa di connessione')
    await expect(citizen.getByText(/Connessione persa/)).toBeVisible({ timeout: 15_000 })
    await expectNoAxeViolations(citizen, { label: 'citizen chat offline' })

    // Back online: what was missed arrives, what was written is sent, each exactly once.
    await citizen.context().setOffline(false)
    await citizen.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(citizen.getByText('Ti scrivo mentre sei senza rete')).toHaveCount(1, { timeout: 20_000 })
    await expect(citizen.getByText(/Connessione persa/)).toBeHidden({ timeout: 20_000 })
    await expect(staff.getByRole('list', { name: 'Messaggi' }).getByText('Scritto senza rete')).toHaveCount(1, { timeout: 20_000 })
    await expect(citizen.getByText('Scritto senza rete')).toHaveCount(1)
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('Perfetto, grazie!')
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByText('Perfetto, grazie!')).toHaveCount(1)
    await expect(citizen.getByText(first)).toHaveCount(1)

    // The staff phone loses its connection: the reply waits on screen and leaves by itself, once.
    await staff.context().setOffline(true)
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('Risposta scritta senza rete')
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(staff.getByText(/In attesa di connessione: partirà da solo/)).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console reply waiting for the network' })
    await staff.context().setOffline(false)
    await staff.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(citizen.getByText('Risposta scritta senza rete')).toHaveCount(1, { timeout: 20_000 })
    await expect(staff.getByText(/In attesa di connessione: partirà da solo/)).toHaveCount(0)
    await expect(staff.getByRole('list', { name: 'Messaggi' }).getByText('Risposta scritta senza rete')).toHaveCount(1)

    // A private note never reaches the citizen; a canned reply comes with "/".
    await staff.getByLabel('Nota privata (solo colleghi, @nome per avvisare)').check()
    await staff.getByRole('textbox', { name: /^Nota privata/ }).fill('Da girare ai Lavori pubblici @giulia')
    await staff.getByRole('button', { name: 'Salva nota' }).click()
    await expect(staff.getByRole('list', { name: 'Messaggi' })).toContainText('Da girare ai Lavori pubblici')

    // Giulia had no console open when she was named: she finds it when she next signs in, until she reads it.
    const giulia = await pageAs('admin')
    await giulia.goto('/admin')
    await expect(giulia.getByText(/\d+ not[ae] ti menzion/)).toBeVisible()
    await expectNoAxeViolations(giulia, { label: 'dashboard with a mention waiting' })
    await giulia.getByRole('link', { name: 'Apri la chat' }).click()
    const mentions = giulia.getByRole('region', { name: /Menzioni per te/ })
    await expect(mentions).toContainText('Da girare ai Lavori pubblici @giulia')
    await expectNoAxeViolations(giulia, { label: 'console with a mention' })
    await mentions.getByRole('listitem').filter({ hasText: 'Da girare ai Lavori pubblici' }).getByRole('link').click()
    await expect(giulia.getByRole('list', { name: 'Messaggi' })).toContainText('Da girare ai Lavori pubblici')
    await expect(giulia.getByRole('region', { name: /Menzioni per te/ })).toHaveCount(0)
    await giulia.close()
    await staff.getByLabel('Risposta al cittadino').check()
    await staff.getByRole('textbox', { name: /^Risposta/ }).fill('/graz')
    await staff.getByRole('button', { name: /\/grazie/ }).click()
    await expect(staff.getByRole('textbox', { name: /^Risposta/ })).toHaveValue(/Grazie a te!/)
    await staff.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(citizen.getByText(/Grazie a te!/)).toBeVisible()
    await expect(citizen.getByText('Da girare ai Lavori pubblici')).toHaveCount(0)

    // Resolved: the chat leaves the open view; the citizen's next message reopens it.
    await staff.getByRole('button', { name: 'Risolvi' }).click()
    await expect(staff.getByText('Chat risolta.')).toBeVisible()
    await citizen.getByLabel('Il tuo messaggio').fill('Un’ultima cosa')
    await citizen.getByRole('button', { name: 'Invia', exact: true }).click()
    await expect(staff.getByRole('list', { name: 'Messaggi' })).toContainText('Un’ultima cosa')
    await expect(staff.getByRole('button', { name: 'Risolvi' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console after reopening' })
  })

  test('the staff console and the figures page pass axe on a desk', async ({ pageAs }) => {
    const staff = await pageAs('admin')
    await staff.goto('/admin/chat?vista=unassigned')
    await expect(staff.getByRole('heading', { level: 1, name: 'Chat con i cittadini' })).toBeVisible()
    await expect(staff.getByRole('heading', { level: 2, name: 'Non assegnate' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'console desk' })
    await staff.getByRole('link', { name: 'Cifre della chat' }).click()
    await expect(staff.getByRole('heading', { level: 1, name: 'Cifre della chat' })).toBeVisible()
    await expectNoAxeViolations(staff, { label: 'chat figures' })
  })
})
