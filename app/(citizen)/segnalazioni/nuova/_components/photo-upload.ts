/**
 * Photos are shrunk and re-drawn on the device before upload: drawing into a canvas keeps only
 * the pixels, so the EXIF block (GPS position, camera) never leaves the phone. The server
 * re-encodes them again. HEIC, which most browsers cannot draw, is sent as it is and converted there.
 */
export async function shrinkPhoto(file: Blob, maxEdge = 1600): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82))
    return blob ?? file
  } catch {
    return file
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
