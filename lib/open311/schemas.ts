import { z } from 'zod'
import { DESCRIPTION_MAX, plainText } from '../reports/schemas'

const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(schema.optional())

const coordinate = (name: 'lat' | 'long', limit: number) =>
  optional(
    z
      .string()
      .trim()
      .regex(/^[+-]?\d{1,3}(\.\d{1,12})?$/, `${name}: deve essere un numero in gradi decimali (WGS84).`)
      .transform(Number)
      .pipe(z.number().min(-limit, `${name}: fuori intervallo.`).max(limit, `${name}: fuori intervallo.`)),
  )

/**
 * POST requests, with the spec's parameter names. Every text is plain text (markup is
 * refused, never cleaned); contact details are kept privately on the report.
 */
export const open311CreateRequestSchema = z
  .object({
    service_code: z.string({ error: 'service_code mancante: è obbligatorio.' }).trim().min(1, 'service_code mancante: è obbligatorio.').max(80, 'service_code non valido.'),
    lat: coordinate('lat', 90),
    long: coordinate('long', 180),
    address_string: optional(plainText('address_string', 200)),
    address_id: optional(plainText('address_id', 100)),
    email: optional(z.string().trim().max(200, 'email: troppo lunga.').pipe(z.email('email: indirizzo non valido.'))),
    device_id: optional(plainText('device_id', 100)),
    account_id: optional(plainText('account_id', 100)),
    first_name: optional(plainText('first_name', 60)),
    last_name: optional(plainText('last_name', 60)),
    phone: optional(z.string().trim().regex(/^\+?[0-9 ().-]{6,30}$/, 'phone: numero di telefono non valido.')),
    description: optional(plainText('description', DESCRIPTION_MAX, 3)),
    media_url: z
      .array(z.url({ protocol: /^https?$/, error: 'media_url: deve essere un indirizzo http(s).' }).max(500, 'media_url: troppo lungo.'))
      .max(5, 'media_url: al massimo 5 indirizzi.')
      .default([]),
    attributes: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'attribute: codice non valido.'), plainText('attribute', 500)).default({}),
  })
  .refine((v) => (v.lat === undefined) === (v.long === undefined), { path: ['lat'], message: 'lat e long vanno inviati insieme.' })
  .refine((v) => v.lat !== undefined || v.address_string !== undefined || v.address_id !== undefined, {
    path: ['lat'],
    message: 'Posizione mancante: invia lat e long, oppure address_string.',
  })

export type Open311CreateRequestInput = z.input<typeof open311CreateRequestSchema>

/** What an administrator types to issue a key. */
export const issueOpen311KeySchema = z.object({
  name: plainText('Il nome del client', 80, 2),
  contact: plainText('Il contatto', 200),
})
export type IssueOpen311KeyInput = z.input<typeof issueOpen311KeySchema>

export const revokeOpen311KeySchema = z.object({
  clientId: z.uuid('Client non valido.'),
})
