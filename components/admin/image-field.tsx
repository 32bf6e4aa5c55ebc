'use client'

import { useId, useState } from 'react'
import { IMAGE_ALT_MAX, IMAGE_MAX_BYTES } from '@/lib/content/schemas'
import { FieldError, inputClass, labelClass, secondaryButtonClass } from './form-parts'

export type ImageValue = { key: string; url: string; alt: string }

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading' }
  | { phase: 'done' }
  | { phase: 'failed'; message: string }

/**
 * An optional image with its description. The file goes to the upload endpoint as soon as it
 * is chosen, so the form itself stays small and a validation error never loses the image;
 * the form then carries only the key the server gave back.
 */
export function ImageField({
  uploadUrl,
  value,
  onChange,
  errors,
}: {
  uploadUrl: string
  value: ImageValue | null
  onChange: (value: ImageValue | null) => void
  errors: Record<string, string>
}) {
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' })
  const [inputKey, setInputKey] = useState(0)
  const hintId = useId()
  const uploadError = upload.phase === 'failed' ? upload.message : errors.imageKey

  async function send(file: File) {
    if (file.size > IMAGE_MAX_BYTES) {
      setUpload({ phase: 'failed', message: 'L’immagine supera i 5 MB: riducila e riprova.' })
      return
    }
    setUpload({ phase: 'uploading' })
    try {
      const response = await fetch(uploadUrl, {
        method: 'POST',
        body: file,
        headers: { 'Content-Type': 'application/octet-stream' },
      })
      const answer = (await response.json().catch(() => ({}))) as {
        key?: string
        url?: string
        message?: string
      }
      if (!response.ok || !answer.key || !answer.url) {
        setUpload({
          phase: 'failed',
          message: answer.message ?? 'Caricamento non riuscito: riprova.',
        })
        return
      }
      onChange({ key: answer.key, url: answer.url, alt: value?.alt ?? '' })
      setUpload({ phase: 'done' })
    } catch {
      setUpload({
        phase: 'failed',
        message: 'Caricamento non riuscito: controlla la connessione e riprova.',
      })
    }
  }

  return (
    <fieldset className="mb-4 rounded border border-line p-3">
      <legend className="px-1 font-semibold">Immagine (facoltativa)</legend>
      {value ? (
        <div className="mb-3 flex flex-wrap items-start gap-3">
          {/* Shown with the description it will have, as a check of both. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={value.url}
            alt={value.alt}
            className="max-h-40 max-w-full rounded border border-line"
          />
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => {
              onChange(null)
              setUpload({ phase: 'idle' })
              setInputKey((k) => k + 1)
            }}
          >
            Rimuovi l’immagine
          </button>
        </div>
      ) : null}
      <input type="hidden" name="imageKey" value={value?.key ?? ''} />
      <label htmlFor="field-imageFile" className={labelClass}>
        {value ? 'Sostituisci con un altro file' : 'Scegli un file'}
      </label>
      <p id={hintId} className="text-sm text-muted">
        JPEG, PNG o WebP, al massimo 5 MB. Il file viene caricato subito.
      </p>
      <input
        key={inputKey}
        id="field-imageFile"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={[hintId, uploadError ? 'field-imageKey-error' : null]
          .filter(Boolean)
          .join(' ')}
        aria-invalid={Boolean(uploadError)}
        className="mt-1 block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded file:border-2 file:border-primary file:bg-white file:px-4 file:font-semibold file:text-primary"
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void send(file)
        }}
      />
      <div aria-live="polite">
        {upload.phase === 'uploading' ? (
          <p className="mt-1">Caricamento dell’immagine in corso…</p>
        ) : null}
        {upload.phase === 'done' ? (
          <p className="mt-1 font-semibold text-success">Immagine caricata.</p>
        ) : null}
        <FieldError id="field-imageKey-error" message={uploadError} />
      </div>
      {value ? (
        <div className="mt-4">
          <label htmlFor="field-imageAlt" className={labelClass}>
            Descrizione dell’immagine
          </label>
          <p id="field-imageAlt-hint" className="text-sm text-muted">
            Obbligatoria: cosa mostra l’immagine, per chi non può vederla. Al massimo{' '}
            {IMAGE_ALT_MAX} caratteri.
          </p>
          <input
            id="field-imageAlt"
            name="imageAlt"
            value={value.alt}
            maxLength={IMAGE_ALT_MAX}
            onChange={(event) => onChange({ ...value, alt: event.target.value })}
            aria-invalid={Boolean(errors.imageAlt)}
            aria-describedby={[
              'field-imageAlt-hint',
              errors.imageAlt ? 'field-imageAlt-error' : null,
            ]
              .filter(Boolean)
              .join(' ')}
            className={inputClass}
          />
          <FieldError id="field-imageAlt-error" message={errors.imageAlt} />
        </div>
      ) : null}
    </fieldset>
  )
}
