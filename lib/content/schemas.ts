import { z } from 'zod'
import { isFileKey, type FileKey } from '../storage/file-key-shared'
import { romeInstant, isClockTime, isDateKey } from '../time/rome-instant'

export const TITLE_MAX = 140
export const SUMMARY_MAX = 300
export const BODY_MAX = 20_000
export const IMAGE_ALT_MAX = 250
export const LOCATION_MAX = 200
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024

export const publicationModes = ['draft', 'now', 'scheduled'] as const
export type PublicationMode = (typeof publicationModes)[number]

/** What the editor asked for: a draft (publishedAt null), out now, or out at a future instant. */
export type Publication = { mode: 'draft' } | { mode: 'now' } | { mode: 'scheduled'; at: Date }

const title = z
  .string()
  .trim()
  .min(1, 'Scrivi il titolo.')
  .max(TITLE_MAX, `Il titolo può avere al massimo ${TITLE_MAX} caratteri.`)
const summary = z
  .string()
  .trim()
  .min(1, 'Scrivi il sommario: compare negli elenchi e nella notifica.')
  .max(SUMMARY_MAX, `Il sommario può avere al massimo ${SUMMARY_MAX} caratteri.`)
const body = z
  .string()
  .trim()
  .min(1, 'Scrivi il testo.')
  .max(BODY_MAX, `Il testo può avere al massimo ${BODY_MAX.toLocaleString('it-IT')} caratteri.`)
const topicId = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'Scegli un argomento.')
  .transform(Number)
const publication = z.enum(publicationModes, {
  message: 'Scegli se salvare come bozza, pubblicare ora o programmare.',
})
/** Form fields arrive as strings; a missing one is the same as an empty one. */
const field = z.string().trim().optional().default('')

const publicationFields = {
  publication,
  publishDate: field,
  publishTime: field,
  notify: z.boolean().default(false),
}

type PublicationFields = {
  publication: PublicationMode
  publishDate: string
  publishTime: string
  notify: boolean
}

function checkPublication(value: PublicationFields, ctx: z.RefinementCtx) {
  if (value.publication === 'scheduled') {
    checkDateTime(ctx, value.publishDate, value.publishTime, {
      date: ['publishDate', 'Scegli il giorno di pubblicazione.'],
      time: ['publishTime', 'Scegli l’ora di pubblicazione.'],
    })
  }
  if (value.notify && value.publication === 'draft') {
    ctx.addIssue({
      code: 'custom',
      path: ['notify'],
      message:
        'Una bozza non avvisa nessuno: scegli Pubblica ora o Programma per, oppure togli la spunta.',
    })
  }
}

/** Adds an issue unless date and time are both there, well formed, and a time that exists in Rome. */
function checkDateTime(
  ctx: z.RefinementCtx,
  date: string,
  time: string,
  fields: { date: [string, string]; time: [string, string] },
) {
  if (!isDateKey(date)) {
    ctx.addIssue({
      code: 'custom',
      path: [fields.date[0]],
      message: date === '' ? fields.date[1] : 'Scrivi la data come 2026-03-31.',
    })
  }
  if (!isClockTime(time)) {
    ctx.addIssue({
      code: 'custom',
      path: [fields.time[0]],
      message: time === '' ? fields.time[1] : 'Scrivi l’ora come 09:30.',
    })
  }
  if (isDateKey(date) && isClockTime(time) && !romeInstant(date, time)) {
    ctx.addIssue({
      code: 'custom',
      path: [fields.time[0]],
      message: `Alle ${time} del ${date.split('-').reverse().join('/')} l’orologio salta avanti per l’ora legale: scegli un’altra ora.`,
    })
  }
}

/** An optional image: the key the upload endpoint gave back, and its description. */
const imageFields = {
  imageKey: field.refine(
    (v) => v === '' || isFileKey(v),
    'L’immagine non è valida: caricala di nuovo.',
  ),
  imageAlt: field.pipe(
    z
      .string()
      .max(IMAGE_ALT_MAX, `La descrizione può avere al massimo ${IMAGE_ALT_MAX} caratteri.`),
  ),
}

type ImageFields = { imageKey: string; imageAlt: string }

function checkImage(value: ImageFields, ctx: z.RefinementCtx) {
  if (value.imageKey !== '' && value.imageAlt === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['imageAlt'],
      message:
        'Descrivi l’immagine per chi non può vederla (ad esempio: “Il cantiere in via Roma”).',
    })
  }
}

function toImage(value: ImageFields): { key: FileKey; alt: string } | null {
  // imageFields has proved the key well formed.
  return value.imageKey === '' ? null : { key: value.imageKey as FileKey, alt: value.imageAlt }
}

function toPublication(value: PublicationFields): Publication {
  if (value.publication !== 'scheduled') return { mode: value.publication }
  // checkPublication has proved the instant exists.
  return { mode: 'scheduled', at: romeInstant(value.publishDate, value.publishTime) as Date }
}

export const newsFormSchema = z
  .object({
    title,
    summary,
    body,
    topicId,
    ...imageFields,
    ...publicationFields,
  })
  .superRefine((value, ctx) => {
    checkImage(value, ctx)
    checkPublication(value, ctx)
  })
  .transform((value) => ({
    title: value.title,
    summary: value.summary,
    body: value.body,
    topicId: value.topicId,
    image: toImage(value),
    publication: toPublication(value),
    notify: value.notify,
  }))

export type NewsInput = z.output<typeof newsFormSchema>

export const eventFormSchema = z
  .object({
    title,
    summary,
    body,
    topicId,
    location: z
      .string()
      .trim()
      .min(1, 'Scrivi dove si svolge.')
      .max(LOCATION_MAX, `Il luogo può avere al massimo ${LOCATION_MAX} caratteri.`),
    startDate: field,
    startTime: field,
    endDate: field,
    endTime: field,
    ...imageFields,
    ...publicationFields,
  })
  .superRefine((value, ctx) => {
    checkImage(value, ctx)
    checkDateTime(ctx, value.startDate, value.startTime, {
      date: ['startDate', 'Scegli il giorno di inizio.'],
      time: ['startTime', 'Scegli l’ora di inizio.'],
    })
    if (value.endDate !== '' || value.endTime !== '') {
      // An end time alone means the same day as the start.
      const endDate = value.endDate || value.startDate
      checkDateTime(ctx, endDate, value.endTime, {
        date: ['endDate', 'Scegli il giorno di fine.'],
        time: ['endTime', 'Indica anche l’ora di fine, o lascia vuota la data di fine.'],
      })
      const start = romeInstant(value.startDate, value.startTime)
      const end = romeInstant(endDate, value.endTime)
      if (start && end && end.getTime() <= start.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['endTime'],
          message: 'La fine deve venire dopo l’inizio.',
        })
      }
    }
    checkPublication(value, ctx)
  })
  .transform((value) => ({
    title: value.title,
    summary: value.summary,
    body: value.body,
    topicId: value.topicId,
    location: value.location,
    startsAt: romeInstant(value.startDate, value.startTime) as Date,
    endsAt:
      value.endTime === '' ? null : romeInstant(value.endDate || value.startDate, value.endTime),
    image: toImage(value),
    publication: toPublication(value),
    notify: value.notify,
  }))

export type EventInput = z.output<typeof eventFormSchema>

export const contentIdSchema = z.object({ id: z.uuid({ message: 'Contenuto non valido.' }) })

/** The quick "Ritira" button: back to draft, keeping everything else. */
export const unpublishSchema = contentIdSchema
