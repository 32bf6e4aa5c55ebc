import { z } from 'zod'
import { romeInstant } from '../time/rome-instant'

export const alertLevels = ['verde', 'gialla', 'arancione', 'rossa'] as const
export const alertPhases = ['attenzione', 'preallarme', 'allarme'] as const
export const riskCodes = [
  'idrogeologico',
  'idraulico',
  'temporali',
  'vento',
  'neve',
  'ghiaccio',
  'temperature-estreme',
  'incendi-boschivi',
  'mareggiate',
  'altro',
] as const

export const levelLabels: Record<(typeof alertLevels)[number], string> = {
  verde: 'Allerta VERDE',
  gialla: 'Allerta GIALLA',
  arancione: 'Allerta ARANCIONE',
  rossa: 'Allerta ROSSA',
}

const lonLat = z.tuple([z.number(), z.number()])

export const alertDraftSchema = z
  .object({
    level: z.enum(alertLevels, { message: 'Scegli il livello di allerta.' }),
    phase: z.enum(alertPhases).nullable().default(null),
    risks: z.array(z.enum(riskCodes)).min(1, 'Scegli almeno un rischio.').max(5),
    headline: z.string().trim().min(5, 'Scrivi un titolo di almeno 5 caratteri.').max(160, 'Il titolo è troppo lungo (massimo 160 caratteri).'),
    description: z.string().trim().min(10, 'Descrivi la situazione.').max(4000, 'La descrizione è troppo lunga.'),
    comuneActions: z.string().trim().max(2000, 'Testo troppo lungo.').default(''),
    instructions: z.string().trim().max(4000, 'Testo troppo lungo.').default(''),
    sourceUrl: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'Scrivi un indirizzo web completo, ad esempio https://…')
      .default(''),
    issuer: z.string().trim().min(3, 'Indica chi emette l’allerta.').max(200),
    validFrom: z.date({ message: 'Indica da quando vale.' }),
    validUntil: z.date({ message: 'Indica fino a quando vale.' }),
    zoneIds: z.array(z.number().int().positive()).max(50).default([]),
    customPolygon: z.array(lonLat).min(4).max(500).nullable().default(null),
    waitingAreaIds: z.array(z.number().int().positive()).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil <= v.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'La fine della validità deve essere dopo l’inizio.' })
    if (v.level === 'rossa' && v.instructions === '') {
      ctx.addIssue({ code: 'custom', path: ['instructions'], message: 'Un’allerta rossa deve dire ai cittadini cosa fare: scrivi le norme di comportamento.' })
    }
  })

export type AlertDraftInput = z.infer<typeof alertDraftSchema>

export const alertStates = ['draft', 'pending_approval', 'active', 'ended', 'withdrawn'] as const

export const alertStateLabels: Record<string, string> = {
  draft: 'Bozza',
  pending_approval: 'In attesa di approvazione',
  active: 'In corso',
  ended: 'Cessata',
  withdrawn: 'Ritirata prima della pubblicazione',
}

/** "2026-03-29T10:30" from a datetime-local field, read on Rome's clock; null when malformed or skipped by DST. */
export function romeLocalInstant(value: string): Date | null {
  const [date, time] = value.split('T')
  return date && time ? romeInstant(date, time.slice(0, 5)) : null
}

/** The composer's strings (checkbox groups as arrays) shaped for alertDraftSchema. */
export function alertDraftFromForm(form: Record<string, string | string[]>): unknown {
  const one = (name: string) => {
    const v = form[name]
    return typeof v === 'string' ? v : ''
  }
  const many = (name: string) => {
    const v = form[name]
    return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []
  }
  const ids = (name: string) => many(name).map(Number)
  return {
    level: one('level') || undefined,
    phase: one('phase') || null,
    risks: many('risks'),
    headline: one('headline'),
    description: one('description'),
    comuneActions: one('comuneActions'),
    instructions: one('instructions'),
    sourceUrl: one('sourceUrl'),
    issuer: one('issuer'),
    validFrom: romeLocalInstant(one('validFrom')) ?? undefined,
    validUntil: romeLocalInstant(one('validUntil')) ?? undefined,
    zoneIds: ids('zoneIds'),
    waitingAreaIds: ids('waitingAreaIds'),
  }
}

export const alertIdSchema = z.object({ alertId: z.uuid({ message: 'Allerta non valida.' }) })

const seenField = z.string().min(1, 'Ricarica la pagina e rileggi l’allerta prima di procedere.').max(64)

/** Publishing or approving: with the fingerprint of the text the person read on the page. */
export const approvalSchema = alertIdSchema.extend({ seen: seenField })

export const overridePublishSchema = approvalSchema.extend({
  overrideReason: z.string().trim().min(5, 'Scrivi il motivo dell’emergenza (almeno 5 caratteri).').max(500, 'Il motivo è troppo lungo.'),
})

export const returnDraftSchema = approvalSchema.extend({
  note: z.string().trim().min(5, 'Scrivi perché la rimandi indietro (almeno 5 caratteri).').max(1000, 'La nota è troppo lunga.'),
})

export const endAlertSchema = alertIdSchema.extend({
  confirm: z.literal('on', { message: 'Spunta la casella per confermare la cessata allerta.' }),
})

/** An update of a published alert: what may change after publication (zones and start stay). */
export const alertUpdateSchema = z
  .object({
    alertId: z.uuid({ message: 'Allerta non valida.' }),
    level: z.enum(alertLevels, { message: 'Scegli il livello di allerta.' }),
    phase: z.enum(alertPhases).nullable().default(null),
    headline: z.string().trim().min(5, 'Scrivi un titolo di almeno 5 caratteri.').max(160, 'Il titolo è troppo lungo (massimo 160 caratteri).'),
    description: z.string().trim().min(10, 'Descrivi la situazione.').max(4000, 'La descrizione è troppo lunga.'),
    comuneActions: z.string().trim().max(2000, 'Testo troppo lungo.').default(''),
    instructions: z.string().trim().max(4000, 'Testo troppo lungo.').default(''),
    validUntil: z.date({ message: 'Indica fino a quando vale.' }),
  })
  .superRefine((v, ctx) => {
    if (v.level === 'rossa' && v.instructions === '') {
      ctx.addIssue({ code: 'custom', path: ['instructions'], message: 'Un’allerta rossa deve dire ai cittadini cosa fare: scrivi le norme di comportamento.' })
    }
  })

export type AlertUpdateInput = z.infer<typeof alertUpdateSchema>

export function alertUpdateFromForm(form: Record<string, string>): unknown {
  return {
    alertId: form.alertId,
    level: form.level || undefined,
    phase: form.phase || null,
    headline: form.headline ?? '',
    description: form.description ?? '',
    comuneActions: form.comuneActions ?? '',
    instructions: form.instructions ?? '',
    validUntil: romeLocalInstant(form.validUntil ?? '') ?? undefined,
  }
}

/** Zones, waiting areas and self-protection instructions: the admins' standing data. */
export const PLAN_ROLES = ['admin'] as const

export const zoneSchema = z.object({
  zoneId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(2, 'Scrivi il nome della zona.').max(100, 'Il nome è troppo lungo (massimo 100 caratteri).'),
  description: z.string().trim().max(500, 'La descrizione è troppo lunga.').default(''),
  vertices: z.string().max(20_000, 'Troppi vertici.'),
})

export type ZoneInput = z.infer<typeof zoneSchema>

export const waitingAreaSchema = z.object({
  areaId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(3, 'Scrivi il nome dell’area di attesa.').max(150, 'Il nome è troppo lungo.'),
  address: z.string().trim().min(3, 'Scrivi l’indirizzo.').max(200, 'L’indirizzo è troppo lungo.'),
  point: z.string().trim().min(1, 'Indica il punto sulla mappa o scrivi latitudine e longitudine.'),
  zoneId: z.number().int().positive().nullable().default(null),
  notes: z.string().trim().max(500, 'Le note sono troppo lunghe.').default(''),
  active: z.boolean().default(true),
})

export type WaitingAreaInput = z.infer<typeof waitingAreaSchema>

export const riskTemplateSchema = z.object({
  risk: z.enum(riskCodes, { message: 'Rischio non valido.' }),
  instructionsIt: z.string().trim().min(10, 'Scrivi le norme di comportamento (almeno 10 caratteri).').max(4000, 'Testo troppo lungo.'),
  instructionsEn: z.string().trim().max(4000, 'Testo troppo lungo.').default(''),
})

export type RiskTemplateInput = z.infer<typeof riskTemplateSchema>
