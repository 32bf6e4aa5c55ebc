/**
 * Renders the PWA icons from their SVG sources in public/icons/ with the system Chromium:
 *
 *   npx tsx scripts/generate-pwa-icons.ts
 *
 * Writes public/icons/*.png (manifest, notification badge), app/apple-icon.png (180 px,
 * iPhone home screen) and app/favicon.ico (16, 32 and 48 px PNGs in one ICO file).
 * Run it again after changing an SVG, and commit the PNGs: the build does not render them.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = fileURLToPath(new URL('..', import.meta.url))
const icons = `${root}public/icons/`

const outputs: Array<{ svg: string; size: number; file: string }> = [
  { svg: 'icon.svg', size: 192, file: `${icons}icon-192.png` },
  { svg: 'icon.svg', size: 512, file: `${icons}icon-512.png` },
  { svg: 'icon-maskable.svg', size: 192, file: `${icons}icon-maskable-192.png` },
  { svg: 'icon-maskable.svg', size: 512, file: `${icons}icon-maskable-512.png` },
  { svg: 'badge.svg', size: 72, file: `${icons}badge-72.png` },
  // iOS fills transparent corners with black and rounds the corners itself: full bleed.
  { svg: 'icon-maskable.svg', size: 180, file: `${root}app/apple-icon.png` },
]

const faviconSizes = [16, 32, 48]

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const render = async (svgFile: string, size: number): Promise<Buffer> => {
      const svg = await readFile(`${icons}${svgFile}`, 'utf8')
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
      )
      return page.locator('svg').screenshot({ omitBackground: true, type: 'png' })
    }

    for (const { svg, size, file } of outputs) {
      await writeFile(file, await render(svg, size))
      console.log(`wrote ${file.slice(root.length)} (${size}×${size})`)
    }

    const pngs = []
    for (const size of faviconSizes) pngs.push({ size, data: await render('icon.svg', size) })
    await writeFile(`${root}app/favicon.ico`, toIco(pngs))
    console.log(`wrote app/favicon.ico (${faviconSizes.join(', ')})`)
  } finally {
    await browser.close()
  }
}

/** An ICO file whose images are PNGs (supported by every browser since IE 11 / Vista). */
function toIco(images: Array<{ size: number; data: Buffer }>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * images.length
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0) // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1) // height
    entry.writeUInt8(0, 2) // palette colours
    entry.writeUInt8(0, 3) // reserved
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    entries.push(entry)
    offset += data.length
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)])
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
