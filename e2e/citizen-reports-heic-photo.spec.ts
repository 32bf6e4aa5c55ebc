import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/** A real HEIC as an iPhone sends it (camera and GPS in its EXIF): Chromium cannot draw it. */
const heic = readFileSync(path.join(import.meta.dirname, '..', 'lib', 'reports', 'fixtures', 'photo-with-gps.heic'))

test('an iPhone HEIC photo the browser cannot read is converted by the server and shown as a picture', async ({ browser }) => {
  const context = await browser.newContext({ geolocation: { latitude: 43.4661, longitude: 11.8822 }, permissions: ['geolocation'] })
  const citizen = await context.newPage()
  await citizen.goto('/segnalazioni/nuova')
  await citizen.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
  await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
  await citizen.getByRole('button', { name: 'Usa la mia posizione' }).click()
  await expect(citizen.getByTestId('chosen-place')).toContainText('Via Roma')
  await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
  await expect(citizen.getByRole('heading', { level: 2, name: 'Il problema' })).toBeVisible()

  await citizen.getByLabel('Aggiungi foto').setInputFiles({ name: 'IMG_0420.HEIC', mimeType: 'image/heic', buffer: heic })
  await expect(citizen.getByText('Foto caricata.')).toBeVisible()
  const preview = citizen.getByRole('img', { name: 'Foto 1 allegata' })
  await expect(preview).toBeVisible()
  // The preview is the server's JPEG: it decodes, at the photo's own size.
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1200)
  const served = await citizen.request.get((await preview.getAttribute('src'))!)
  expect(served.headers()['content-type']).toBe('image/jpeg')
  const bytes = await served.body()
  expect(bytes.includes('iPhone')).toBe(false)
  expect(bytes.includes('Exif')).toBe(false)
  await expectNoAxeViolations(citizen, { label: 'report flow: problem with a HEIC photo' })
  await context.close()
})
