import { z } from 'zod'

export const staffRoles = ['admin', 'operator', 'office', 'civil_protection'] as const

const officeId = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))

const role = z.enum(staffRoles, { message: 'Scegli un ruolo.' })

const withOffice = <T extends { role: string; officeId: number | null }>(value: T, ctx: z.RefinementCtx) => {
  if (value.role === 'office' && value.officeId === null) {
    ctx.addIssue({ code: 'custom', path: ['officeId'], message: 'Per il ruolo Ufficio scegli l’ufficio.' })
  }
}

export const createStaffSchema = z
  .object({
    name: z.string().trim().min(2, 'Scrivi nome e cognome.').max(120, 'Il nome è troppo lungo.'),
    email: z
      .string()
      .trim()
      .min(1, 'Scrivi l’email.')
      .max(254, 'L’email è troppo lunga.')
      .pipe(z.email({ message: 'Scrivi un’email valida, ad esempio nome@comune.it.' }))
      .transform((v) => v.toLowerCase()),
    role,
    officeId,
    password: z
      .string()
      .min(12, 'La password deve avere almeno 12 caratteri.')
      .max(256, 'La password è troppo lunga.'),
  })
  .superRefine(withOffice)

export const updateStaffSchema = z
  .object({
    staffId: z.uuid({ message: 'Account non valido.' }),
    name: z.string().trim().min(2, 'Scrivi nome e cognome.').max(120, 'Il nome è troppo lungo.'),
    role,
    officeId,
  })
  .superRefine(withOffice)

export const staffIdSchema = z.object({ staffId: z.uuid({ message: 'Account non valido.' }) })

export const resetPasswordSchema = z.object({
  staffId: z.uuid({ message: 'Account non valido.' }),
  password: z
    .string()
    .min(12, 'La password deve avere almeno 12 caratteri.')
    .max(256, 'La password è troppo lunga.'),
})

export type CreateStaffInput = z.infer<typeof createStaffSchema>
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>
