import { z } from 'zod'
import { parseLatLon } from '../alerts/geometry-shared'
import { REPORT_PRIORITIES, REPORT_STATUSES } from './status-shared'

export const TITLE_MAX = 120
export const DESCRIPTION_MAX = 4000
export const PHOTOS_MAX = 3
/** What the server accepts per photo, before it re-encodes it (phones shrink them first). */
export const PHOTO_UPLOAD_MAX_BYTES = 15 * 1024 * 1024
export const PHOTO_MAX_EDGE = 1600

const HTML = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;/

/** Plain text only: markup is refused with a clear message (never stored, never "cleaned"). */
export function plainText(label: string, max: number, min = 0) {
  return z
    .string({ error: `${label}: valore non valido.` })
    .trim()
    .min(min, min > 0 ? `Scrivi ${label.toLowerCase()}.` : undefined)
    .max(max, `${label}: al massimo ${max} caratteri.`)
    .refine((v) => !HTML.test(v), `${label}: non usare codice HTML o script, scrivi solo testo.`)
}

const optionalText = (label: string, max: number) =>
  plainText(label, max)
    .optional()
    .transform((v) => (v ? v : undefined))

export const latitudeSchema = z.coerce.number({ error: 'Posizione non valida.' }).min(-90, 'Posizione non valida.').max(90, 'Posizione non valida.')
export const longitudeSchema = z.coerce.number({ error: 'Posizione non valida.' }).min(-180, 'Posizione non valida.').max(180, 'Posizione non valida.')

/**
 * What a report needs, whoever sends it (the citizen PWA or an Open311 client). The place is
 * a point, an address from the Comune's street list, or both.
 */
export const submitReportSchema = z
  .object({
    categoryId: z.coerce.number({ error: 'Scegli il tipo di problema.' }).int().positive('Scegli il tipo di problema.'),
    title: plainText('Il titolo', TITLE_MAX, 3),
    description: plainText('I dettagli', DESCRIPTION_MAX, 3),
    latitude: latitudeSchema.optional(),
    longitude: longitudeSchema.optional(),
    address: optionalText('L’indirizzo', 200),
    answers: z.record(z.string().max(40), plainText('La risposta', 500)).default({}),
    contactName: optionalText('Il nome', 120),
    contactEmail: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.email('Indirizzo email non valido.').optional()),
    contactPhone: z
      .string()
      .trim()
      .max(30)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.string().regex(/^\+?[0-9 ().-]{6,30}$/, 'Numero di telefono non valido.').optional()),
    photoIds: z.array(z.uuid('Foto non valida.')).max(PHOTOS_MAX, `Puoi allegare al massimo ${PHOTOS_MAX} foto.`).default([]),
    /** One per draft, made on the device: sending the same draft twice finds the first report. */
    idempotencyKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,80}$/, 'Chiave della bozza non valida: ricarica la pagina.'),
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    path: ['latitude'],
    message: 'Posizione incompleta: indica il punto sulla mappa o scrivi l’indirizzo.',
  })
  .refine((v) => v.latitude !== undefined || Boolean(v.address), {
    path: ['address'],
    message: 'Indica dove si trova il problema: posizione o indirizzo.',
  })

export type SubmitReportInput = z.input<typeof submitReportSchema>
export type SubmitReportData = z.output<typeof submitReportSchema>

export const changeStatusSchema = z.object({
  status: z.enum(REPORT_STATUSES, { error: 'Stato non valido.' }),
  publicNote: optionalText('La nota pubblica', 2000),
  internalNote: optionalText('La nota interna', 2000),
})
export type ChangeStatusInput = z.input<typeof changeStatusSchema>

export const addNoteSchema = z.object({
  visibility: z.enum(['public', 'internal'], { error: 'Scegli se la nota è pubblica o interna.' }),
  note: plainText('La nota', 2000, 1),
})

export const reassignSchema = z.object({
  officeId: z.coerce.number({ error: 'Ufficio non valido.' }).int().positive('Ufficio non valido.'),
  internalNote: optionalText('La nota interna', 2000),
})

export const assignSchema = z.object({
  assigneeId: z.union([z.uuid('Persona non valida.'), z.literal('')]).transform((v) => v || null),
})

export const prioritySchema = z.object({ priority: z.enum(REPORT_PRIORITIES, { error: 'Priorità non valida.' }) })

export const mergeSchema = z.object({
  targetCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^SEG-\d{4}-\d{6}$/, 'Scrivi il codice della segnalazione originale, ad esempio SEG-2026-000123.'),
})

export const photoReviewSchema = z.object({
  photoId: z.uuid('Foto non valida.'),
  state: z.enum(['approved', 'hidden']),
})

export const resolutionAnswerSchema = z.object({
  answer: z.enum(['yes', 'no'], { error: 'Rispondi sì o no.' }),
  note: optionalText('Il commento', 1000),
})

const ringPoint = z.tuple([longitudeSchema, latitudeSchema])

export const AREA_SCOPES = ['comune', 'area'] as const
const AREA_MAX_VERTICES = 500

/**
 * The vertices of a rule's area as typed by a person (one "lat, lon" per line, from the form)
 * or as a [lon, lat] list (from code). An unreadable line is an error naming it, never dropped.
 */
const areaVertices = z.union([z.array(ringPoint), z.string().max(40_000, 'L’area ha troppi vertici.')]).transform((value, ctx) => {
  if (Array.isArray(value)) return value
  const points: Array<[number, number]> = []
  for (const [index, line] of value.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue
    const point = parseLatLon(line)
    if (!point) {
      ctx.addIssue({ code: 'custom', message: `Vertici dell’area, riga ${index + 1}: scrivi latitudine e longitudine separate da una virgola, ad esempio 43.4651, 11.8802.` })
      return z.NEVER
    }
    points.push([point[1], point[0]])
  }
  return points
})

export const routingRuleSchema = z
  .object({
    name: plainText('Il nome', 120, 2),
    categoryId: z.union([z.coerce.number().int().positive(), z.literal('')]).transform((v) => (v === '' ? null : v)),
    officeId: z.coerce.number({ error: 'Scegli l’ufficio.' }).int().positive('Scegli l’ufficio.'),
    /**
     * Where the rule applies, chosen explicitly: an empty or half-drawn area must never turn
     * into "the whole Comune" by itself.
     */
    areaScope: z.enum(AREA_SCOPES, { error: 'Scegli dove vale la regola: tutto il territorio comunale o solo un’area disegnata.' }),
    /** [lon, lat] vertices; the ring is closed here when the first is not repeated at the end. */
    area: areaVertices.default([]),
    sortOrder: z.coerce.number().int().min(0).max(10_000).default(100),
    active: z.boolean().default(true),
  })
  .transform((v, ctx) => {
    if (v.areaScope === 'comune') {
      if (v.area.length) {
        ctx.addIssue({ code: 'custom', path: ['area'], message: 'Hai scelto tutto il territorio comunale ma hai indicato dei vertici: togli i vertici o scegli «Solo in un’area».' })
        return z.NEVER
      }
      return { ...v, area: [] as Array<[number, number]> }
    }
    const ring = [...v.area]
    const first = ring[0]
    const last = ring[ring.length - 1]
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]])
    if (ring.length < 4) {
      const count = ring.length > 1 ? ring.length - 1 : ring.length
      const has = count === 0 ? 'non ha vertici' : count === 1 ? 'ha un solo vertice' : `ha solo ${count} vertici`
      ctx.addIssue({ code: 'custom', path: ['area'], message: `L’area ${has}: ne servono almeno tre. Completa il disegno o scegli «Tutto il territorio comunale».` })
      return z.NEVER
    }
    if (ring.length > AREA_MAX_VERTICES) {
      ctx.addIssue({ code: 'custom', path: ['area'], message: 'L’area ha troppi vertici.' })
      return z.NEVER
    }
    return { ...v, area: ring }
  })
export type RoutingRuleInput = z.input<typeof routingRuleSchema>

export const staffReportFilterSchema = z.object({
  state: z.enum(['new', 'in_progress', 'waiting', 'closed', 'open', 'all']).catch('open'),
  categoryId: z.coerce.number().int().positive().optional().catch(undefined),
  officeId: z.coerce.number().int().positive().optional().catch(undefined),
  priority: z.enum(REPORT_PRIORITIES).optional().catch(undefined),
  /** Older than this many days. */
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  overdue: z
    .enum(['1'])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  /** 1-based page of the triage list (TRIAGE_PAGE_SIZE rows each). */
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type StaffReportFilter = z.output<typeof staffReportFilterSchema>

export const publicReportFilterSchema = z.object({
  categoryId: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(['open', 'closed', 'all']).catch('all'),
  /** 1-based page of the public list (PUBLIC_PAGE_SIZE reports each). */
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export const QUESTION_TYPES = ['text', 'choice'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
/** A category's extra question as stored (type and options came later: absent means free text). */
export type ExtraQuestion = { code: string; label: string; required: boolean; type?: QuestionType; options?: string[] }
export const QUESTIONS_MAX = 10
export const OPTIONS_MAX = 20

const questionSchema = z
  .object({
    /** Kept from the stored question so answers already given stay attached; made from the label when new. */
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{0,40}$/, 'Codice della domanda non valido.')
      .optional()
      .transform((v) => v || undefined),
    label: plainText('Il testo della domanda', 200, 3),
    type: z.enum(QUESTION_TYPES, { error: 'Scegli il tipo di risposta: testo libero o scelta da un elenco.' }).default('text'),
    required: z.boolean({ error: 'Indica se la risposta è obbligatoria.' }).default(false),
    options: z.array(plainText('Una risposta possibile', 100, 1)).max(OPTIONS_MAX, `Al massimo ${OPTIONS_MAX} risposte possibili per domanda.`).default([]),
  })
  .transform((q, ctx) => {
    if (q.type === 'text') return { ...q, options: [] as string[] }
    const options = [...new Set(q.options)]
    if (options.length < 2) {
      ctx.addIssue({ code: 'custom', message: `La domanda «${q.label}» è a scelta: scrivi almeno due risposte possibili, una per riga.` })
      return z.NEVER
    }
    return { ...q, options }
  })

/** JSON from the form's question editor, or a list from code. */
const questionListSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value
    if (value.trim() === '') return []
    try {
      return JSON.parse(value)
    } catch {
      return 'non valida'
    }
  },
  z
    .array(questionSchema, { error: 'Domande aggiuntive non valide: ricarica la pagina.' })
    .max(QUESTIONS_MAX, `Al massimo ${QUESTIONS_MAX} domande aggiuntive.`)
    .refine((list) => new Set(list.map((q) => q.label.toLowerCase())).size === list.length, 'Due domande hanno lo stesso testo: cambiane una.'),
)

const optionalLongText = (label: string, max: number) =>
  plainText(label, max)
    .optional()
    .transform((v) => (v ? v : null))

/** What an administrator sets on a report category. */
export const categorySchema = z.object({
  name: plainText('Il nome', 120, 3),
  officeId: z.coerce.number({ error: 'Scegli l’ufficio.' }).int('Scegli l’ufficio.').positive('Scegli l’ufficio.'),
  targetWorkingDays: z.coerce
    .number({ error: 'Scrivi l’obiettivo in giorni lavorativi.' })
    .int('L’obiettivo è un numero intero di giorni lavorativi.')
    .min(1, 'L’obiettivo va da 1 a 365 giorni lavorativi.')
    .max(365, 'L’obiettivo va da 1 a 365 giorni lavorativi.'),
  /** Shown before the citizen writes, e.g. "pericolo per le persone: chiama il 112"; empty for none. */
  urgentNotice: optionalLongText('L’avviso urgente', 300),
  duplicateRadiusMeters: z.coerce
    .number({ error: 'Scrivi il raggio in metri.' })
    .int('Il raggio è un numero intero di metri.')
    .min(10, 'Il raggio va da 10 a 5000 metri.')
    .max(5000, 'Il raggio va da 10 a 5000 metri.'),
  extraQuestions: questionListSchema.default([]),
})
export type CategoryInput = z.input<typeof categorySchema>

/** A reply template: for one category, or for every category when categoryId is empty. */
export const replyTemplateSchema = z.object({
  categoryId: z.union([z.coerce.number().int().positive('Categoria non valida.'), z.literal('')]).transform((v) => (v === '' ? null : v)),
  title: plainText('Il titolo', 120, 3),
  body: plainText('Il testo', 2000, 3),
})
export type ReplyTemplateInput = z.input<typeof replyTemplateSchema>
