import { z } from 'zod'

export const TOPIC_NAME_MAX = 60
export const TOPIC_DESCRIPTION_MAX = 200

const names = {
  nameIt: z
    .string()
    .trim()
    .min(2, 'Scrivi il nome in italiano.')
    .max(TOPIC_NAME_MAX, `Il nome può avere al massimo ${TOPIC_NAME_MAX} caratteri.`),
  nameEn: z
    .string()
    .trim()
    .min(2, 'Scrivi il nome in inglese.')
    .max(TOPIC_NAME_MAX, `Il nome può avere al massimo ${TOPIC_NAME_MAX} caratteri.`),
  descriptionIt: z
    .string()
    .trim()
    .min(1, 'Scrivi una breve descrizione in italiano: aiuta i cittadini a scegliere.')
    .max(
      TOPIC_DESCRIPTION_MAX,
      `La descrizione può avere al massimo ${TOPIC_DESCRIPTION_MAX} caratteri.`,
    ),
  descriptionEn: z
    .string()
    .trim()
    .min(1, 'Scrivi una breve descrizione in inglese.')
    .max(
      TOPIC_DESCRIPTION_MAX,
      `La descrizione può avere al massimo ${TOPIC_DESCRIPTION_MAX} caratteri.`,
    ),
}

const topicId = z.coerce
  .number({ message: 'Argomento non valido.' })
  .int('Argomento non valido.')
  .positive('Argomento non valido.')

export const createTopicSchema = z.object(names)
export const updateTopicSchema = z.object({ topicId, ...names })
export const setTopicRetiredSchema = z.object({
  topicId,
  retired: z.enum(['true', 'false']).transform((v) => v === 'true'),
})

export type CreateTopicInput = z.infer<typeof createTopicSchema>
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>
export type SetTopicRetiredInput = z.output<typeof setTopicRetiredSchema>
