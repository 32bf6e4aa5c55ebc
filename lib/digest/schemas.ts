import { z } from 'zod'

export const digestSettingsSchema = z.object({
  /** The form's checkbox, read by the action as formData.get('enabled') === 'on'. */
  enabled: z.boolean(),
  weekday: z.coerce
    .number({ error: 'Scegli il giorno della settimana.' })
    .int('Scegli il giorno della settimana.')
    .min(1, 'Scegli il giorno della settimana.')
    .max(7, 'Scegli il giorno della settimana.'),
  hour: z.coerce
    .number({ error: 'Scegli l’ora.' })
    .int('Scegli un’ora intera, da 0 a 23.')
    .min(0, 'Scegli un’ora intera, da 0 a 23.')
    .max(23, 'Scegli un’ora intera, da 0 a 23.'),
})
export type DigestSettingsInput = z.infer<typeof digestSettingsSchema>
