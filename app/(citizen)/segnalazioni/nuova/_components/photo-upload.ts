import { PHOTO_MAX_EDGE } from '@/lib/reports/schemas'
import { decodeHeif, isHeif } from './heif'

/**
 * Photos are shrunk and re-drawn on the device before upload: drawing into a canvas keeps only
 * the pixels, so the EXIF block (GPS position, camera) never leaves the phone. The server
 * re-encodes them again. HEIC, which only Safari (every browser on an iPhone) can draw, is
 * decoded here with libheif in WebAssembly, loaded on first need; `onDecodingHeif` lets the form
 * say so, as that may take a few seconds on a cheap phone.
 */
export async function shrinkPhoto(file: Blob, options: { maxEdge?: number; onDecodingHeif?: () => void } = {}): Promise<Blob> {
  const { maxEdge = PHOTO_MAX_EDGE, onDecodingHeif } = options
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      if (!isHeif(bytes)) return file
      onDecodingHeif?.()
      // Decoding holds the main thread: let the waiting message paint first.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      bitmap = await decodeHeif(bytes)
    } catch {
      // Out of memory on a small phone, the decoder's script not fetched (offline), or a file
      // libheif cannot read either: the original goes up as it is (or waits in the draft) and the
      // server, which re-encodes every photo, strips its EXIF and position.
      return file
    }
  }
  try {
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82))
    return blob ?? file
  } catch {
    return file
  } finally {
    bitmap.close()
  }
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(blob)
  })
}

export async function dataUrlToBlob(dataUrl: string): Promise<Blob> {
  return (await fetch(dataUrl)).blob()
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly network: boolean,
    /** The HTTP status of the server's answer, 0 when there was none. */
    readonly status = 0,
  ) {
    super(message)
  }
}

/** Uploads with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadPhoto(blob: Blob, onProgress: (fraction: number) => void): Promise<{ id: string; url: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/reports/photos')
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: { id?: string; url?: string; message?: string } = {}
      try {
        body = JSON.parse(xhr.responseText) as typeof body
      } catch {}
      if (xhr.status === 201 && body.id && body.url) resolve({ id: body.id, url: body.url })
      else reject(new UploadError(body.message ?? `HTTP ${xhr.status}`, false, xhr.status))
    }
    xhr.onerror = () => reject(new UploadError('offline', true))
    xhr.send(blob)
  })
}
