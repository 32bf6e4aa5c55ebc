import { z } from 'zod'

const base64url = (min: number, max: number, message: string) =>
  z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, message).min(min, message).max(max, message)

/** What PushSubscription.toJSON() gives, as the browser sends it. */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string()
    .max(2048, 'Indirizzo di notifica troppo lungo.')
    .refine((v) => {
      try {
        return new URL(v).protocol === 'https:'
      } catch {
        return false
      }
    }, 'Indirizzo di notifica non valido.'),
  keys: z.object({
    // An uncompressed P-256 point is 65 bytes (87 base64url chars); the auth secret 16 bytes.
    p256dh: base64url(86, 90, 'Chiave di cifratura non valida.'),
    auth: base64url(21, 26, 'Chiave di autenticazione non valida.'),
  }),
  deviceLabel: z.string().trim().max(80, 'Nome del dispositivo troppo lungo.').optional(),
  /** Sent by the service worker when the browser replaced the subscription. */
  previousEndpoint: z.string().max(2048).optional(),
  /** The privacy notice version the citizen just acknowledged, on a first subscription. */
  privacyVersion: z.string().max(40).optional(),
  topics: z.array(z.number().int().positive()).max(50).optional(),
})

export const endpointSchema = z.object({ endpoint: z.string().min(1).max(2048) })

export const deviceSettingsSchema = z.object({
  endpoint: z.string().min(1).max(2048),
  enabled: z.boolean(),
})

export const topicChoiceSchema = z.object({
  topicIds: z.array(z.coerce.number().int().positive()).max(50),
})

export const zoneChoiceSchema = z.object({
  zoneIds: z.array(z.coerce.number().int().positive()).max(100),
})

export const acknowledgePrivacySchema = z.object({
  privacyVersion: z.string().min(1, 'Conferma di aver letto l’informativa.').max(40),
})

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>
