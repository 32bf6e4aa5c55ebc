import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page, Response } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

/** A real HEIC as an iPhone sends it (camera and GPS in its EXIF): Chromium cannot draw it. */
const heic = readFileSync(path.join(import.meta.dirname, '..', 'lib', 'reports', 'fixtures', 'photo-with-gps.heic'))

/** The JPEG segments before the picture data: marker and payload (APPn, SOFn, DQT…). */
function jpegSegments(bytes: Buffer): Array<{ marker: number; payload: Buffer }> {
  const segments: Array<{ marker: number; payload: Buffer }> = []
  let at = 2
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!
    const length = bytes.readUInt16BE(at + 2)
    segments.push({ marker, payload: bytes.subarray(at + 4, at + 2 + length) })
    if (marker === 0xda) break // start of scan: the pixels follow
    at += 2 + length
  }
  return segments
}

/**
 * Without the service worker: the journeys hold or cut the scripts the page fetches, and a
 * worker answering for the page would fetch them out of the page's sight.
 */
const phone = {
  geolocation: { latitude: 43.4661, longitude: 11.8822 },
  permissions: ['geolocation'],
  serviceWorkers: 'block' as const,
}

async function toProblemStep(citizen: Page, { withServiceWorker = false } = {}) {
  await citizen.goto('/segnalazioni/nuova')
  if (withServiceWorker) {
    await expect.poll(() => citizen.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 20_000 }).toBe(true)
    await citizen.reload()
  }
  await citizen.getByLabel('Ho letto e compreso l’informativa sulla privacy').check()
  await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
  await citizen.getByRole('button', { name: 'Usa la mia posizione' }).click()
  await expect(citizen.getByTestId('chosen-place')).toContainText('Via Roma')
  await citizen.getByRole('button', { name: 'Avanti', exact: true }).click()
  await expect(citizen.getByRole('heading', { level: 2, name: 'Il problema' })).toBeVisible()
}

test('an iPhone HEIC photo the browser cannot read is converted on the phone, without its position, and again by the server', async ({ browser }) => {
  const context = await browser.newContext(phone)
  const citizen = await context.newPage()

  // The HEIC decoder (libheif in WebAssembly, ~2 MB) must be fetched only once a HEIC is chosen.
  let photoChosen = false
  const decoderLoads: Array<{ afterChoice: boolean; path: string }> = []
  const watchDecoder = async (response: Response) => {
    if (!response.url().includes('/_next/static/chunks/')) return
    const afterChoice = photoChosen
    const body = await response.text().catch(() => '')
    if (body.includes('heif_context_alloc')) decoderLoads.push({ afterChoice, path: new URL(response.url()).pathname })
  }
  citizen.on('response', watchDecoder)

  await toProblemStep(citizen)

  // Hold the scripts fetched after the choice, as a slow phone network would, so the waiting
  // message can be seen before the decoder arrives.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await citizen.route('**/_next/static/chunks/**', async (route) => {
    if (photoChosen) await held
    await route.continue()
  })
  const upload = citizen.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/reports/photos')

  photoChosen = true
  await citizen.getByLabel('Aggiungi foto').setInputFiles({ name: 'IMG_0420.HEIC', mimeType: 'image/heic', buffer: heic })
  await expect(citizen.getByLabel('Sto preparando la foto IMG_0420.HEIC…')).toBeVisible()
  release()
  await expect(citizen.getByText('Foto caricata.')).toBeVisible()

  // What left the phone: a JPEG of the decoded picture, with no EXIF (so no GPS position) in it.
  const sent = (await upload).postDataBuffer()!
  expect([...sent.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  const segments = jpegSegments(sent)
  expect(segments.some((s) => s.marker === 0xe1 && s.payload.subarray(0, 6).toString('latin1') === 'Exif\0\0')).toBe(false)
  expect(sent.includes('GPS')).toBe(false)
  expect(sent.includes('iPhone')).toBe(false)
  expect(sent.includes('ftyp')).toBe(false)
  const frame = segments.find((s) => s.marker >= 0xc0 && s.marker <= 0xc3)!
  // Baseline frame header: precision, height, width. The 1200×900 photo is under the 1600 px limit.
  expect({ width: frame.payload.readUInt16BE(3), height: frame.payload.readUInt16BE(1) }).toEqual({ width: 1200, height: 900 })
  expect(decoderLoads.length).toBeGreaterThan(0)
  expect(decoderLoads.every((load) => load.afterChoice)).toBe(true)
  // Nor does the service worker download it in the background for every citizen who installs the app.
  const worker = await (await citizen.request.get('/serwist/sw.js')).text()
  expect(worker).toContain('/_next/static/chunks/')
  for (const load of decoderLoads) expect(worker).not.toContain(load.path)

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

test('when the phone cannot load the HEIC decoder, the original photo goes up and the server strips its position', async ({ browser }) => {
  const context = await browser.newContext(phone)
  const citizen = await context.newPage()
  await toProblemStep(citizen)
  // The decoder's script never arrives (a dropped connection, a blocked download).
  await citizen.route('**/_next/static/chunks/**', (route) => route.abort())
  const upload = citizen.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/reports/photos')

  await citizen.getByLabel('Aggiungi foto').setInputFiles({ name: 'IMG_0420.HEIC', mimeType: 'image/heic', buffer: heic })
  await expect(citizen.getByText('Foto caricata.')).toBeVisible()
  expect((await upload).postDataBuffer()!.subarray(4, 8).toString('latin1')).toBe('ftyp')

  const preview = citizen.getByRole('img', { name: 'Foto 1 allegata' })
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1200)
  const bytes = await (await citizen.request.get((await preview.getAttribute('src'))!)).body()
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  expect(bytes.includes('iPhone')).toBe(false)
  expect(bytes.includes('Exif')).toBe(false)
  await context.close()
})

test('for a citizen with the app installed, whose service worker serves the scripts, the photo is converted on the phone too', async ({ browser }) => {
  const context = await browser.newContext({ geolocation: phone.geolocation, permissions: phone.permissions })
  const citizen = await context.newPage()
  await toProblemStep(citizen, { withServiceWorker: true })
  // Requests passing through the service worker are seen by the context, not the page.
  const sent: Buffer[] = []
  await context.route('**/api/reports/photos', async (route) => {
    const body = route.request().postDataBuffer()
    if (body) sent.push(body)
    await route.continue()
  })

  await citizen.getByLabel('Aggiungi foto').setInputFiles({ name: 'IMG_0420.HEIC', mimeType: 'image/heic', buffer: heic })
  await expect(citizen.getByText('Foto caricata.')).toBeVisible()
  expect(sent).toHaveLength(1)
  expect([...sent[0]!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  expect(sent[0]!.includes('Exif')).toBe(false)
  await context.close()
})
