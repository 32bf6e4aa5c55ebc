import { z } from 'zod'
import { romeLocalInstant } from '../alerts/schemas'

export const CAMPAIGN_ROLES = ['operator', 'admin'] as const

export const campaignSchema = z
  .object({
    title: z.string().trim().min(3, 'Scrivi un titolo di almeno 3 caratteri.').max(120, 'Il titolo è troppo lungo (massimo 120 caratteri).'),
    body: z.string().trim().min(5, 'Scrivi il messaggio (almeno 5 caratteri).').max(1000, 'Il messaggio è troppo lungo (massimo 1000 caratteri).'),
    url: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || (v.startsWith('/') && !v.startsWith('//')), 'Indica una pagina dell’app che inizia con /, ad esempio /eventi.')
      .default(''),
    topicIds: z.array(z.number().int().positive()).min(1, 'Scegli almeno un argomento.').max(20),
    when: z.enum(['now', 'later'], { message: 'Scegli quando inviarla.' }),
    scheduledFor: z.date().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.when === 'later' && !v.scheduledFor) ctx.addIssue({ code: 'custom', path: ['scheduledFor'], message: 'Indica data e ora dell’invio.' })
  })

export type CampaignInput = z.infer<typeof campaignSchema>

/** The composer's fields shaped for campaignSchema. */
export function campaignFromForm(form: { title: string; body: string; url: string; topicIds: string[]; when: string; scheduledFor: string }): unknown {
  return {
    title: form.title,
    body: form.body,
    url: form.url,
    topicIds: form.topicIds.map(Number),
    when: form.when || undefined,
    scheduledFor: form.when === 'later' ? (romeLocalInstant(form.scheduledFor) ?? null) : null,
  }
}

export const campaignIdSchema = z.object({ campaignId: z.uuid({ message: 'Campagna non valida.' }) })

export const campaignStateLabels: Record<string, string> = {
  scheduled: 'Programmata',
  sent: 'Inviata',
  cancelled: 'Annullata',
  failed: 'Non inviata',
}
