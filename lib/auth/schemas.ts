import { z } from 'zod'

export const signInSchema = z.object({
  email: z
    .string({ message: 'Scrivi la tua email.' })
    .trim()
    .min(1, 'Scrivi la tua email.')
    .max(254, 'L’email è troppo lunga.')
    .pipe(z.email({ message: 'Scrivi un’email valida, ad esempio nome@comune.it.' }))
    .transform((v) => v.toLowerCase()),
  password: z
    .string({ message: 'Scrivi la password.' })
    .min(1, 'Scrivi la password.')
    .max(256, 'La password è troppo lunga.'),
})

export type SignInInput = z.infer<typeof signInSchema>
