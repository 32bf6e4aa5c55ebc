'use client'

import { useEffect, useState } from 'react'

/** A photo waiting to be sent, shown from the device's own copy. */
export function QueuedPhoto({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    // A data URL rather than an object URL: nothing to revoke, whatever order effects run in.
    let live = true
    const reader = new FileReader()
    reader.onload = () => {
      if (live && typeof reader.result === 'string') setUrl(reader.result)
    }
    reader.readAsDataURL(blob)
    return () => {
      live = false
      reader.abort()
    }
  }, [blob])
  // eslint-disable-next-line @next/next/no-img-element -- a local blob, not a served file
  return url ? <img src={url} alt={alt} className="h-auto max-h-40 w-auto max-w-full rounded" /> : null
}
