'use client'

import type { ReactNode } from 'react'

/**
 * A button-sized label that opens the file picker: the input stays in the label (so its name
 * is the label's text) and is emptied after each choice, so the same file can be picked again.
 */
export function FilePickButton({ accept, onFile, children }: { accept: string; onFile: (file: File) => void; children: ReactNode }) {
  return (
    <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border-2 border-primary px-4 py-2 font-semibold text-primary focus-within:outline focus-within:outline-3">
      {children}
      <input
        type="file"
        accept={accept}
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) onFile(file)
        }}
      />
    </label>
  )
}
