/** Brands of an ISO-BMFF "ftyp" box that mean HEIF/HEIC (still images and sequences). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1'])

/**
 * True when the bytes are a HEIF/HEIC picture, by their content: phones and file pickers name
 * and type them inconsistently (".HEIC", ".heif", "application/octet-stream"). Some cameras put
 * a generic major brand first and "heic" only among the compatible brands, so all are read.
 */
export function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false
  const ascii = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
  if (ascii(4) !== 'ftyp') return false
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  const end = Math.min(bytes.length, Math.max(16, size))
  if (HEIF_BRANDS.has(ascii(8))) return true
  // Bytes 12–15 are the minor version, then the compatible brands, four bytes each.
  for (let at = 16; at + 4 <= end; at += 4) if (HEIF_BRANDS.has(ascii(at))) return true
  return false
}

/**
 * Decodes the first picture of a HEIF file with libheif compiled to WebAssembly, for browsers
 * that cannot (Chromium, Firefox). The decoder (≈2 MB, the WebAssembly embedded in its script)
 * is imported here only, so it is fetched the first time a citizen picks such a photo and never
 * weighs on the form otherwise. libheif applies the file's rotation, so the result is upright.
 *
 * It runs on the main thread (shrinkPhoto lets the waiting message paint first). A Turbopack
 * worker (`new Worker(new URL(…))`) was tried: its bootstrap reads its chunk list from the
 * script URL's #fragment, which Chromium drops when the service worker serves that script, so
 * every citizen with the installed app would silently have fallen back to the server.
 */
export async function decodeHeif(bytes: Uint8Array): Promise<ImageBitmap> {
  const { default: libheif } = await import('libheif-js/wasm-bundle')
  await libheif.ready
  const decoder = new libheif.HeifDecoder()
  const images = decoder.decode(bytes)
  try {
    const image = images[0]
    if (!image) throw new Error('no picture in the HEIF file')
    const pixels = new ImageData(image.get_width(), image.get_height())
    await new Promise<void>((resolve, reject) =>
      image.display(pixels, (result) => (result ? resolve() : reject(new Error('HEIF decoding failed')))),
    )
    return await createImageBitmap(pixels)
  } finally {
    for (const image of images) image.free()
    decoder.decoder.delete()
  }
}
