import { z } from 'zod'

export const weekdayKeys = ['1', '2', '3', '4', '5', '6', '7'] as const
export const weekdayNames: Record<(typeof weekdayKeys)[number], string> = {
  '1': 'Lunedì',
  '2': 'Martedì',
  '3': 'Mercoledì',
  '4': 'Giovedì',
  '5': 'Venerdì',
  '6': 'Sabato',
  '7': 'Domenica',
}
/** Two slots a day (morning, afternoon) cover every office of a Comune. */
export const SLOTS_PER_DAY = 2

const time = z
  .string()
  .trim()
  .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Usa il formato ore:minuti, ad esempio 08:30.')

const slot = z.object({ from: time, to: time })

export const updateOfficeSchema = z
  .object({
    officeId: z.coerce.number({ message: 'Ufficio non valido.' }).int().positive('Ufficio non valido.'),
    address: z.string().trim().min(3, 'Scrivi l’indirizzo.').max(200, 'L’indirizzo è troppo lungo.'),
    phone: z
      .string()
      .trim()
      .max(40, 'Il numero è troppo lungo.')
      .refine((v) => v === '' || /^\+?[\d\s./-]{6,}$/.test(v), 'Scrivi un numero di telefono valido.'),
    email: z
      .string()
      .trim()
      .max(254, 'L’email è troppo lunga.')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'Scrivi un’email valida.'),
    closedDays: z
      .string()
      .max(2000, 'Troppe date.')
      .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
      .pipe(
        z.array(
          z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)), 'Scrivi le date come 2026-12-24, una per riga.'),
        ),
      ),
    hours: z.partialRecord(z.enum(weekdayKeys), z.array(slot).max(SLOTS_PER_DAY)),
  })
  .superRefine((value, ctx) => {
    for (const day of weekdayKeys) {
      const slots = value.hours[day] ?? []
      let previousEnd = ''
      slots.forEach((s, i) => {
        const path = [`h${day}_${i}`]
        if ((s.from === '') !== (s.to === '')) {
          ctx.addIssue({ code: 'custom', path, message: 'Indica sia l’apertura sia la chiusura.' })
        } else if (s.from !== '' && s.from >= s.to) {
          ctx.addIssue({ code: 'custom', path, message: 'La chiusura deve essere dopo l’apertura.' })
        } else if (s.from !== '' && previousEnd !== '' && s.from < previousEnd) {
          ctx.addIssue({ code: 'custom', path, message: 'Le fasce orarie non possono sovrapporsi.' })
        }
        if (s.to !== '') previousEnd = s.to
      })
    }
  })
  .transform((value) => ({
    officeId: value.officeId,
    address: value.address,
    phone: value.phone || null,
    email: value.email || null,
    closedDays: [...new Set(value.closedDays)].sort(),
    weeklyHours: Object.fromEntries(
      weekdayKeys
        .map((day) => [day, (value.hours[day] ?? []).filter((s) => s.from !== '').map((s) => [s.from, s.to] as [string, string])] as const)
        .filter(([, slots]) => slots.length > 0),
    ),
  }))

export type UpdateOfficeInput = z.output<typeof updateOfficeSchema>
